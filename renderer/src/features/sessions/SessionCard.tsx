import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { InterviewSession } from '../../../../shared/contracts/sessions';
import type { Requirement } from '../../../../shared/contracts/catalog';
import { formatDateTime } from '../../format';
import { ReadOnlyTooltip } from '../findings/ReadOnlyTooltip';

interface Props {
  session: InterviewSession;
  requirements: Map<string, Requirement>;
  readOnly: boolean;
  onEdit(): void;
  onDelete(): void;
}

export function SessionCard({ session, requirements, readOnly, onEdit, onDelete }: Props) {
  const when = formatDateTime(session.heldAt);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Session ${when}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm">
            <Text fw={700}>{when}</Text>
            <Badge variant="light" color={session.answerCount > 0 ? 'indigo' : 'gray'}>
              {session.answerCount} answer{session.answerCount === 1 ? '' : 's'} recorded
            </Badge>
          </Group>
          <Text size="sm">
            <Text span c="dimmed">
              Interviewed:{' '}
            </Text>
            {session.interviewees.length === 0
              ? 'nobody recorded'
              : session.interviewees
                  .map((p) => (p.role ? `${p.name} (${p.role})` : p.name))
                  .join(' · ')}
          </Text>
          {session.attendees.length > 0 && (
            <Text size="sm">
              <Text span c="dimmed">
                Attendees:{' '}
              </Text>
              {session.attendees.join(', ')}
            </Text>
          )}
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              Covered:
            </Text>
            {session.requirementIds.length === 0 ? (
              <Text size="sm">no requirements yet</Text>
            ) : (
              session.requirementIds.map((id) => {
                const r = requirements.get(id);
                return (
                  <Tooltip key={id} label={r?.title ?? id} openDelay={300}>
                    <Badge variant="outline" color="gray" radius="sm" ff="monospace" tt="none">
                      {r?.ref ?? id}
                    </Badge>
                  </Tooltip>
                );
              })
            )}
          </Group>
          {session.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
              {session.notes}
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <ReadOnlyTooltip readOnly={readOnly}>
            <ActionIcon
              variant="subtle"
              aria-label={`Edit session of ${when}`}
              disabled={readOnly}
              onClick={onEdit}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </ReadOnlyTooltip>
          <ReadOnlyTooltip readOnly={readOnly}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete session of ${when}`}
              disabled={readOnly}
              onClick={onDelete}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </ReadOnlyTooltip>
        </Group>
      </Group>
    </Paper>
  );
}
