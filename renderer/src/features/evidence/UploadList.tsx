import { Button, Group, Paper, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useEvidence, type Upload } from '../../stores/evidence';
import { formatBytes } from './labels';

const stateText: Record<Upload['state'], string> = {
  waiting: 'Waiting',
  sending: 'Copying',
  done: 'Stored',
  failed: 'Not stored',
  cancelled: 'Cancelled',
};

/** One bar per file, with Cancel while it runs and the reason when it did not go in. */
export function UploadList({ requirementId }: { requirementId?: string }) {
  const { uploads, cancel, clearFinished } = useEvidence();
  const shown = uploads.filter(
    (u) => requirementId === undefined || u.requirementId === requirementId,
  );
  if (shown.length === 0) return null;
  const finished = shown.some((u) => u.state !== 'waiting' && u.state !== 'sending');
  return (
    <Paper withBorder p="sm" radius="md" aria-label="Uploads">
      <Stack gap="xs">
        {shown.map((u) => {
          const pct = u.size > 0 ? Math.min(100, (u.done / u.size) * 100) : 0;
          return (
            <div key={u.taskId}>
              {/* Read out as the file moves from waiting to stored (or not), without the bytes. */}
              <VisuallyHidden role="status">
                {u.name}: {stateText[u.state]}
              </VisuallyHidden>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" truncate="end" maw={420}>
                  {u.name}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c={u.state === 'failed' ? 'red' : 'dimmed'}>
                    {stateText[u.state]} · {formatBytes(u.done)} of {formatBytes(u.size)}
                  </Text>
                  {(u.state === 'sending' || u.state === 'waiting') && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Cancel ${u.name}`}
                      onClick={() => void cancel(u.taskId)}
                    >
                      Cancel
                    </Button>
                  )}
                </Group>
              </Group>
              <Progress
                value={u.state === 'done' ? 100 : pct}
                color={u.state === 'failed' ? 'red' : u.state === 'done' ? 'green' : undefined}
                aria-label={`Progress of ${u.name}`}
                size="sm"
              />
              {u.message && (
                <Text
                  size="xs"
                  c={u.state === 'failed' ? 'red' : 'dimmed'}
                  role={u.state === 'failed' ? 'alert' : undefined}
                >
                  {u.message}
                </Text>
              )}
            </div>
          );
        })}
        {finished && (
          <Group justify="flex-end">
            <Button size="compact-xs" variant="subtle" onClick={clearFinished}>
              Clear finished
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
