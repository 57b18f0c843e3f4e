import { Badge } from '@mantine/core';
import {
  findingGradeLabels,
  findingStatusLabels,
  type FindingGrade,
  type FindingStatus,
} from '../../../../shared/domain/assessment';

/** Colours agreed for the log and the report: major red, minor orange, observation blue, improvement teal. */
export const gradeColours: Record<FindingGrade, string> = {
  major: 'red',
  minor: 'orange',
  observation: 'blue',
  improvement: 'teal',
};

const statusColours: Record<FindingStatus, string> = {
  open: 'gray',
  'in-progress': 'yellow',
  closed: 'green',
};

export function GradeBadge({ grade }: { grade: FindingGrade }) {
  return (
    <Badge color={gradeColours[grade]} variant="light" tt="none">
      {findingGradeLabels[grade]}
    </Badge>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return (
    <Badge color={statusColours[status]} variant="dot" tt="none">
      {findingStatusLabels[status]}
    </Badge>
  );
}
