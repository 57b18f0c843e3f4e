import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  List,
  Modal,
  PasswordInput,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExchangeImportSummary } from '../../../../shared/contracts/exchange';
import { LiveProgress } from '../../components/LiveProgress';
import { href } from '../../router/hash-route';
import { useExchange } from '../../stores/exchange';
import { TaskFooter } from './TaskFooter';

function Outcome({ result }: { result: ExchangeImportSummary }) {
  const c = result.changes;
  return (
    <Alert
      color={result.openConflicts > 0 ? 'orange' : 'teal'}
      role="status"
      title={result.dryRun ? 'What the import would do' : 'Imported'}
    >
      <List size="sm">
        <List.Item>
          {result.engagementIsNew ? 'A new engagement here.' : 'Merged into the engagement here.'}
        </List.Item>
        <List.Item>
          {c.applied} changes applied, {c.alreadyKnown} already here, {c.conflict} in conflict.
        </List.Item>
        <List.Item>
          Evidence files: {result.evidence.newFiles} new, {result.evidence.alreadyHere} already
          here.
        </List.Item>
        {result.renumbered.map((r) => (
          <List.Item key={`${r.tbl}${r.from}`}>
            Renumbered {r.from} → {r.to} (the number was taken here).
          </List.Item>
        ))}
        <List.Item>
          {result.signer
            ? `Signed by ${result.signer.name}: ${result.signer.reason}`
            : 'Not signed.'}
        </List.Item>
      </List>
      {!result.dryRun && result.openConflicts > 0 && (
        <Anchor href={href('merge', result.engagementId)}>
          Decide the {result.openConflicts} open conflict(s)
        </Anchor>
      )}
      {!result.dryRun && result.openConflicts === 0 && (
        <Anchor href={href('engagements', result.engagementId)}>Open the engagement</Anchor>
      )}
    </Alert>
  );
}

/** Engagements screen: import a colleague's exchange file (a new engagement, or a merge). */
export function ImportExchangeButton() {
  const [opened, dialog] = useDisclosure(false);
  const { status, progress, error, imported, importFile, cancel, reset } = useExchange();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [acceptSigner, setAcceptSigner] = useState(false);
  const running = status === 'running';
  const run = (dryRun: boolean) =>
    file && void importFile({ file, passphrase, dryRun, acceptSigner });
  const close = () => {
    if (running) return;
    setFile(null);
    setPassphrase('');
    reset();
    dialog.close();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={dialog.open}>
        Import an exchange file…
      </Button>
      <Modal opened={opened} onClose={close} title="Import an exchange file" size="lg">
        <Stack gap="sm">
          <Text size="sm">
            Everything is checked before anything is changed: the passphrase, every part of the
            file, the evidence and the signature.
          </Text>
          <FileInput
            label="Exchange file (.assayx)"
            accept=".assayx"
            value={file}
            onChange={setFile}
            disabled={running}
            clearable
          />
          <PasswordInput
            label="Passphrase of the file"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            disabled={running}
          />
          <Checkbox
            label="Accept a signer not trusted here (after comparing the fingerprint with them)"
            checked={acceptSigner}
            onChange={(e) => setAcceptSigner(e.currentTarget.checked)}
            disabled={running}
          />
          <LiveProgress what="Import" progress={running ? progress : null} />
          {error && (
            <Alert color="red" role="alert" title="Nothing was changed">
              {error}
            </Alert>
          )}
          {imported && status === 'done' && <Outcome result={imported} />}
          <TaskFooter running={running} onCancel={() => void cancel()} onClose={close}>
            <Button
              variant="default"
              onClick={() => run(true)}
              disabled={running || !file || !passphrase}
            >
              Check only
            </Button>
            <Button onClick={() => run(false)} disabled={running || !file || !passphrase}>
              Import
            </Button>
          </TaskFooter>
        </Stack>
      </Modal>
    </>
  );
}
