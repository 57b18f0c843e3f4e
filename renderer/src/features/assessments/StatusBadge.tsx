import { Badge } from '@mantine/core';
import {
  assessmentStatusLabels,
  type AssessmentStatus,
} from '../../../../shared/domain/assessment';

const colours: Record<AssessmentStatus, string> = {
  planned: 'gray',
  'in-progress': 'blue',
  'in-review': 'orange',
  final: 'green',
};

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  return (
    <Badge color={colours[status]} variant="light">
      {assessmentStatusLabels[status]}
    </Badge>
  );
}
