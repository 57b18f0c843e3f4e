import { Badge, Tooltip } from '@mantine/core';
import {
  describeAge,
  freshnessLabels,
  type FreshnessState,
} from '../../../../shared/rules/evidence-freshness';
import { freshnessColours } from './labels';

/** How fresh a piece of evidence is; the reason (expired on …, review due …) on hover and in the label. */
export function FreshnessBadge({ state, reason }: { state: FreshnessState; reason: string }) {
  const badge = (
    <Badge color={freshnessColours[state]} variant="light" tt="none">
      {freshnessLabels[state]}
    </Badge>
  );
  return reason ? (
    <Tooltip label={reason} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

export function ageText(days: number): string {
  return days === 0 ? 'collected today' : `collected ${describeAge(days)} ago`;
}
