import '@mantine/dropzone/styles.css';
import { useRef, useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileUpload, IconUpload } from '@tabler/icons-react';
import { errorMessage } from '../../api/error-message';
import { filePlatform } from '../../platform/files';
import { useEvidence } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  engagementId: string;
  /** Files dropped here are linked to this requirement as they are stored. */
  requirementId?: string;
  compact?: boolean;
}

/**
 * Where files come in: drag and drop or "Choose files" in a browser (streamed to the vault),
 * the system dialog in the desktop app. Many files at once; each gets its own progress bar.
 */
export function EvidenceDropzone({ engagementId, requirementId, compact }: Props) {
  const send = useEvidence((s) => s.send);
  const importWithDialog = useEvidence((s) => s.importWithDialog);
  const openRef = useRef<() => void>(null);
  const [error, setError] = useState<string | null>(null);
  const platform = filePlatform();

  if (!platform.canSendFiles) {
    return (
      <Stack gap="xs">
        <Button
          leftSection={<IconFileUpload size={16} />}
          variant="light"
          onClick={() => {
            setError(null);
            importWithDialog(engagementId, requirementId).catch((e: unknown) =>
              setError(errorMessage(e)),
            );
          }}
        >
          Choose files…
        </Button>
        {error && <ErrorAlert message={error} />}
      </Stack>
    );
  }

  return (
    <Dropzone
      openRef={openRef}
      onDrop={(files) => void send(files, engagementId, requirementId)}
      activateOnClick={false}
      multiple
      aria-label={
        requirementId ? 'Drop files to attach to this requirement' : 'Drop evidence files'
      }
      p={compact ? 'sm' : 'lg'}
    >
      <Group justify="center" gap="md" mih={compact ? 40 : 90} style={{ pointerEvents: 'none' }}>
        <IconUpload size={compact ? 22 : 36} stroke={1.5} />
        <div>
          <Text size={compact ? 'sm' : 'md'}>
            Drop files here{requirementId ? ' to attach them to this requirement' : ''}
          </Text>
          {!compact && (
            <Text size="sm" c="dimmed">
              Any type and size. Each file is copied into the vault, hashed and kept unaltered.
            </Text>
          )}
        </div>
        <Button
          size={compact ? 'xs' : 'sm'}
          variant="light"
          style={{ pointerEvents: 'all' }}
          onClick={() => openRef.current?.()}
        >
          Choose files
        </Button>
      </Group>
    </Dropzone>
  );
}
