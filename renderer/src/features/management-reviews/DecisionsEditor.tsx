import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReviewDecision } from '../../../../shared/contracts/management-reviews';
import type { DecisionStatus } from '../../../../shared/rules/management-review';
import { fieldMessage, type FieldErrors } from '../findings/field-errors';

export const emptyDecision = (): ReviewDecision => ({
  text: '',
  owner: '',
  dueDate: null,
  status: 'open',
});

/**
 * The review's outputs (9.3): decisions and actions, each with an owner and a due date, and
 * whether it is done — the next review sees them among its inputs.
 */
export function DecisionsEditor({
  decisions,
  onChange,
  errors,
}: {
  decisions: ReviewDecision[];
  onChange(next: ReviewDecision[]): void;
  errors: FieldErrors;
}) {
  const set = (i: number, change: Partial<ReviewDecision>) =>
    onChange(decisions.map((d, j) => (j === i ? { ...d, ...change } : d)));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Outputs">
      <Title order={4}>Outputs: decisions and actions</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Decisions on improvement, on changes to the management system and on resources, each with
        who carries it out and by when.
      </Text>
      <Stack gap="sm">
        {decisions.length === 0 && (
          <Text size="sm" c="dimmed">
            No decision recorded yet.
          </Text>
        )}
        {decisions.map((d, i) => (
          <Group key={i} align="flex-start" wrap="wrap" gap="sm">
            <Textarea
              label={`Decision or action ${i + 1}`}
              autosize
              minRows={1}
              value={d.text}
              onChange={(e) => set(i, { text: e.currentTarget.value })}
              error={fieldMessage(errors, `decisions.${i}.text`, 'The decision')}
              style={{ flex: '1 1 320px' }}
            />
            <TextInput
              label="Owner"
              value={d.owner}
              onChange={(e) => set(i, { owner: e.currentTarget.value })}
              w={180}
            />
            <TextInput
              type="date"
              label="Due"
              value={d.dueDate ?? ''}
              onChange={(e) => set(i, { dueDate: e.currentTarget.value || null })}
              error={fieldMessage(errors, `decisions.${i}.dueDate`, 'The due date')}
              w={160}
            />
            <Select
              label="Status"
              aria-label={`Status of decision ${i + 1}`}
              allowDeselect={false}
              data={[
                { value: 'open', label: 'Open' },
                { value: 'done', label: 'Done' },
              ]}
              value={d.status}
              onChange={(v) => v && set(i, { status: v as DecisionStatus })}
              w={110}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={`Remove decision ${i + 1}`}
              onClick={() => onChange(decisions.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...decisions, emptyDecision()])}
          >
            Add a decision or action
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
