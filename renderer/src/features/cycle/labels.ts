import type { FreshnessState } from '../../../../shared/rules/evidence-freshness';
import type { CarriedItem } from '../../../../shared/contracts/cycle';

export const freshnessColours: Record<FreshnessState, string> = {
  current: 'green',
  expiring: 'yellow',
  stale: 'orange',
  expired: 'red',
};

export const carriedStateLabels: Record<CarriedItem['state'], string> = {
  pending: 'Carried over, confirm',
  confirmed: 'Confirmed',
  changed: 'Decided anew',
};

export const carriedStateColours: Record<CarriedItem['state'], string> = {
  pending: 'orange',
  confirmed: 'green',
  changed: 'blue',
};

/** "Gap assessment 2025" → "Gap assessment 2026": the usual next title, for the consultant to change. */
export function nextTitle(title: string): string {
  const year = /(19|20)\d{2}(?!.*(19|20)\d{2})/.exec(title);
  if (!year) return `${title} (next cycle)`;
  const next = String(Number(year[0]) + 1);
  return `${title.slice(0, year.index)}${next}${title.slice(year.index + 4)}`;
}
