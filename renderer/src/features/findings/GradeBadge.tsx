import { Badge } from '@mantine/core';
import { unclippedBadge } from '../../components/badge-styles';
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

// Badges clip their label by default; in a table that shrinks them to "Major nonconfor…".

export function GradeBadge({ grade }: { grade: FindingGrade }) {
  return (
    <Badge color={gradeColours[grade]} variant="light" tt="none" styles={unclippedBadge}>
      {findingGradeLabels[grade]}
    </Badge>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return (
    <Badge color={statusColours[status]} variant="dot" tt="none" styles={unclippedBadge}>
      {findingStatusLabels[status]}
    </Badge>
  );
}
