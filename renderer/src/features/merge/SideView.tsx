import { Badge, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { ConflictView } from '../../../../shared/contracts/conflicts';
import { formatDateTime } from '../../format';
import { valueText } from './labels';

interface Props {
  heading: string;
  side: ConflictView['mine'];
  field: string;
  /** Set on the other side's column: which data directory it came from. */
  origin?: string;
}

/** One side of a conflict: its value (long notes scroll), who changed it, when, and from where. */
export function SideView({ heading, side, field, origin }: Props) {
  const text = side.deleted
    ? 'Deleted this record.'
    : field === ''
      ? 'Kept and changed this record.'
      : valueText(side.value);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Title order={4} size="h5">
          {heading}
        </Title>
        <Text size="sm" c="dimmed">
          {side.actor ? `Changed by ${side.actor}` : 'Changed'}
          {side.at ? ` on ${formatDateTime(side.at)}` : ''}
        </Text>
        {origin && (
          <Badge variant="light" color="gray" title={origin}>
            From data directory {origin.slice(-8)}
          </Badge>
        )}
        <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
          <Text
            component="div"
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            tabIndex={0}
            aria-label={`${heading}: value`}
          >
            {text}
          </Text>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
