import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPencil } from '@tabler/icons-react';
import type { SaveState } from '../../stores/interview';

/** The visible saved state; there is no save button, so this is how a person knows. */
export function SaveIndicator({ state, error }: { state: SaveState | undefined; error?: string }) {
  const content = (() => {
    switch (state) {
      case 'saving':
        return [<Loader key="i" size={12} />, 'Saving…', 'dimmed'] as const;
      case 'dirty':
        return [<IconPencil key="i" size={14} />, 'Unsaved changes…', 'dimmed'] as const;
      case 'needs-justification':
        return [
          <IconAlertTriangle key="i" size={14} />,
          'Not saved: say why it is not applicable',
          'orange.8',
        ] as const;
      case 'error':
        return [
          <IconAlertTriangle key="i" size={14} />,
          `Not saved: ${error ?? 'unknown error'}`,
          'red.8',
        ] as const;
      case 'saved':
        return [<IconCheck key="i" size={14} />, 'Saved', 'green.8'] as const;
      default:
        return [null, 'Nothing recorded yet', 'dimmed'] as const;
    }
  })();
  return (
    <Group gap={4} role="status" aria-live="polite" data-save-state={state ?? 'empty'}>
      {content[0]}
      <Text size="xs" c={content[2]}>
        {content[1]}
      </Text>
    </Group>
  );
}
