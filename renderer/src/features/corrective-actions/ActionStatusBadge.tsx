import { Badge } from '@mantine/core';
import { actionStatusLabels, type ActionStatus } from '../../../../shared/rules/corrective-actions';
import { actionStatusColours } from './labels';

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return (
    <Badge color={actionStatusColours[status]} variant="light" tt="none">
      {actionStatusLabels[status]}
    </Badge>
  );
}

/** "12 days overdue" in red, for an action still to carry out past its due date. */
export function OverdueBadge({ days }: { days: number }) {
  if (days <= 0) return null;
  return (
    <Badge color="red" variant="filled" tt="none">
      {days} day{days === 1 ? '' : 's'} overdue
    </Badge>
  );
}
