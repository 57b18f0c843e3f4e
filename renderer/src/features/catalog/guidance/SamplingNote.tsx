import { Group, Paper, Stack, Text } from '@mantine/core';
import type { Sampling } from '../../../../../shared/catalog/guidance';

/** How to draw the sample for the stage-2 questions: from what, over which period, how many, chosen how. */
export function SamplingNote({
  sampling,
  compact = false,
}: {
  sampling: Sampling;
  compact?: boolean;
}) {
  const size = compact ? 'xs' : 'sm';
  if (!sampling.applies) {
    return (
      <Text size={size} c="dimmed" aria-label="Sampling">
        No sample needed: {sampling.why}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="sm" p="xs" bg="gray.0" aria-label="Sampling">
      <Stack gap={4}>
        <Group gap="md" wrap="wrap">
          <Text size={size}>
            <Text span fw={600} size={size}>
              Sample {sampling.size}
            </Text>{' '}
            from {lowerFirst(sampling.population)}
          </Text>
        </Group>
        <Text size={size}>
          <Text span fw={600} size={size}>
            Period:
          </Text>{' '}
          {sampling.period}
        </Text>
        <Text size={size}>
          <Text span fw={600} size={size}>
            Chosen by you:
          </Text>{' '}
          {sampling.selection}
        </Text>
      </Stack>
    </Paper>
  );
}

/** "The release register" reads better mid-sentence as "the release register"; acronyms stay. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
