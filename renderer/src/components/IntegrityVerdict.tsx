import type { ReactNode } from 'react';
import { Alert, List } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';

/** The verdict on a signed file or pack: intact (with what that means here), or every problem found. */
export function IntegrityVerdict({
  valid,
  problems,
  children,
}: {
  valid: boolean;
  problems: string[];
  children: ReactNode;
}) {
  if (valid) {
    return (
      <Alert
        color="green"
        icon={<IconCircleCheck size={18} />}
        title="Intact and signed"
        role="status"
      >
        {children}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      icon={<IconCircleX size={18} />}
      title="Not intact — do not rely on it"
      role="alert"
    >
      <List size="sm">
        {problems.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
