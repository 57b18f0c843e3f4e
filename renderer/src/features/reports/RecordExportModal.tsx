import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { filePlatform } from '../../platform/files';
import type { RecordRequest } from '../../stores/record-reports';
import type { RecentExport } from '../../stores/reports';
import { SignatureChoice, useSignatureChoice } from './SignatureChoice';
import { SignerFields } from './SignerFields';

interface Props {
  /** "Internal audit report", "Management review minutes". */
  title: string;
  /** Why it cannot be signed yet (a review not held), or null when it can. */
  unsignable: string | null;
  produce(request: RecordRequest): Promise<RecentExport>;
  onClose(): void;
}

const save = (entry: RecentExport) => filePlatform().saveCopy(entry.blob, entry.fileName);

/**
 * Produces a signed record (audit report, minutes): PDF signed with an identity or as a draft,
 * or an editable Word edition; saved under exports/ and offered as a download.
 */
export function RecordExportModal({ title, unsignable, produce, onClose }: Props) {
  const choice = useSignatureChoice(unsignable ? 'draft' : 'signed');
  const { signed, identities } = choice;
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<RecentExport | null>(null);

  async function submit() {
    setRunning(true);
    setFailure(null);
    try {
      const entry = await produce(choice.request);
      setDone(entry);
      void save(entry);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      choice.forgetPassphrase();
      setRunning(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack
        component="form"
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <SignatureChoice choice={choice} idPrefix="record" issueLabel="Issue" draftLabel="Draft" />
        {signed && unsignable && (
          <Alert color="orange" title="Not yet">
            {unsignable}
          </Alert>
        )}
        {signed && <SignerFields {...choice.signer} purpose={title.toLowerCase()} />}
        {signed && identities.status === 'ready' && identities.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No signing identity yet: create one under Reports → Signing identities.
          </Text>
        )}
        {failure && <ErrorAlert message={failure} />}
        {done && (
          <Alert color="green" title={done.signed ? 'Signed and saved' : 'Saved'}>
            <Group justify="space-between">
              <Text size="sm">
                {done.fileName}
                {done.pages === null ? '' : ` · ${done.pages} pages`}
              </Text>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconDownload size={14} />}
                onClick={() => void save(done)}
              >
                Save a copy
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button
            type="submit"
            loading={running}
            disabled={!choice.ready || (signed && unsignable !== null)}
          >
            Produce
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
