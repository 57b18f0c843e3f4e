import { Badge } from '@mantine/core';
import type { EffectiveEvidenceStatus } from '../../../../shared/rules/evidence-status';
import { statusColors, statusLabels } from './labels';

export function EvidenceStatusBadge({ status }: { status: EffectiveEvidenceStatus }) {
  return (
    <Badge variant="light" color={statusColors[status]}>
      {statusLabels[status]}
    </Badge>
  );
}
