import { Alert, Button, Checkbox, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { LiveProgress } from '../../components/LiveProgress';
import { filePlatform } from '../../platform/files';
import { useExchange } from '../../stores/exchange';
import { TaskFooter } from './TaskFooter';

/** Engagement screen: write the engagement as an encrypted exchange file for a colleague. */
export function ExportExchangeButton({ engagementId }: { engagementId: string }) {
  const [opened, dialog] = useDisclosure(false);
  const { status, progress, error, exported, exportEngagement, cancel, reset } = useExchange();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [includeEvidence, setIncludeEvidence] = useState(true);
  const running = status === 'running';
  const problem =
    passphrase.length > 0 && passphrase.length < 8
      ? 'At least 8 characters.'
      : again.length > 0 && again !== passphrase
        ? 'The two passphrases differ.'
        : null;
  const start = async () => {
    const blob = await exportEngagement({ engagementId, passphrase, includeEvidence });
    const name = useExchange.getState().exported?.fileName;
    if (blob && name) await filePlatform().saveCopy(blob, name);
  };
  const close = () => {
    if (running) return;
    setPassphrase('');
    setAgain('');
    reset();
    dialog.close();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={dialog.open}>
        Export for a colleague…
      </Button>
      <Modal opened={opened} onClose={close} title="Export an exchange file" size="lg">
        <Stack gap="sm">
          <Text size="sm">
            The file holds this engagement, its audit trail and (if you choose) its evidence,
            encrypted with the passphrase. Tell your colleague the passphrase another way than the
            file.
          </Text>
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            disabled={running}
            error={passphrase.length > 0 && passphrase.length < 8 ? problem : null}
          />
          <PasswordInput
            label="Repeat the passphrase"
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            disabled={running}
            error={again.length > 0 && again !== passphrase ? 'The two passphrases differ.' : null}
          />
          <Checkbox
            label="Include the evidence files"
            checked={includeEvidence}
            onChange={(e) => setIncludeEvidence(e.currentTarget.checked)}
            disabled={running}
          />
          <LiveProgress what="Export" progress={running ? progress : null} />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {status === 'done' && exported && (
            <Alert color="teal" role="status">
              Saved {exported.fileName} ({Math.round(exported.bytes / 1024)} KB).
            </Alert>
          )}
          <TaskFooter running={running} onCancel={() => void cancel()} onClose={close}>
            <Button
              onClick={() => void start()}
              disabled={
                running || problem !== null || passphrase.length < 8 || again !== passphrase
              }
            >
              Export
            </Button>
          </TaskFooter>
        </Stack>
      </Modal>
    </>
  );
}
