import { Progress, Stack, Text } from '@mantine/core';

export interface ProgressStep {
  label: string;
  done: number;
  total: number;
}

/**
 * The progress of long work (an export, a pack), read out as it moves. The live region stays
 * mounted while idle: a screen reader announces changes inside a region it already knows, not
 * a region that appears with its text already in it.
 */
export function LiveProgress({ what, progress }: { what: string; progress: ProgressStep | null }) {
  return (
    <Stack gap={4} role="status" aria-live="polite">
      {progress && (
        <>
          <Text size="sm">{progress.label}</Text>
          <Progress
            value={progress.total > 0 ? (100 * progress.done) / progress.total : 0}
            aria-label={`${what} progress: ${progress.label}`}
            animated
          />
        </>
      )}
    </Stack>
  );
}
