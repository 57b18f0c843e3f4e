import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { FieldErrors } from '../findings/field-errors';
import { fieldMessage } from '../findings/field-errors';

export interface IntervieweeRow {
  key: number;
  name: string;
  role: string;
}

interface Props {
  rows: IntervieweeRow[];
  errors: FieldErrors;
  onChange(rows: IntervieweeRow[]): void;
}

let nextKey = 1;
export const newIntervieweeRow = (name = '', role = ''): IntervieweeRow => ({
  key: nextKey++,
  name,
  role,
});

/** Who was interviewed and in which role: one row per person, added and removed freely. */
export function IntervieweeRows({ rows, errors, onChange }: Props) {
  const change = (key: number, patch: Partial<IntervieweeRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6} role="group" aria-label="Interviewees">
      <Text size="sm" fw={500}>
        Interviewees
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No interviewees yet.
        </Text>
      )}
      {rows.map((row, i) => (
        <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`Interviewee ${i + 1} name`}
            placeholder="Name"
            value={row.name}
            onChange={(e) => change(row.key, { name: e.currentTarget.value })}
            error={fieldMessage(errors, `interviewees.${i}.name`, 'The name')}
            maxLength={200}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={`Interviewee ${i + 1} role`}
            placeholder="Role, e.g. Head of data science"
            value={row.role}
            onChange={(e) => change(row.key, { role: e.currentTarget.value })}
            error={fieldMessage(errors, `interviewees.${i}.role`, 'The role')}
            maxLength={200}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Remove interviewee ${i + 1}`}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, newIntervieweeRow()])}
        >
          Add interviewee
        </Button>
      </Group>
    </Stack>
  );
}
