/**
 * Whether a piece of evidence can still be relied on in this cycle. Evidence outlives the
 * assessment it was collected for: next year's assessment sees last year's files, and must say
 * which of them have run out or grown old before anyone leans on them again.
 *
 * - expired: its "valid until" date has passed (a certificate, a signed-off record).
 * - stale: its review date has passed, or (with no review date) it was collected more than a
 *   cycle ago — a policy nobody has looked at for a year is not evidence that it still holds.
 * - expiring: it runs out within the next month.
 * - current: none of these.
 * Dates are YYYY-MM-DD, compared as calendar days.
 */
export const freshnessStates = ['current', 'expiring', 'stale', 'expired'] as const;
export type FreshnessState = (typeof freshnessStates)[number];

export const freshnessLabels: Record<FreshnessState, string> = {
  current: 'Current',
  expiring: 'Expires soon',
  stale: 'Stale',
  expired: 'Expired',
};

/** One cycle: evidence collected longer ago than this needs a fresh look. */
export const STALE_AFTER_DAYS = 365;
/** How far ahead an expiry is announced. */
export const EXPIRING_WITHIN_DAYS = 30;

export interface FreshnessInput {
  validUntil: string | null;
  reviewDue: string | null;
  /** When it was collected, or failing that when it was stored (YYYY-MM-DD or ISO time). */
  collectedOn: string | null;
  createdAt: string;
}

export interface Freshness {
  state: FreshnessState;
  /** Days since it was collected (or stored). */
  ageDays: number;
  /** What a person reads beside the badge; empty when current. */
  reason: string;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / DAY_MS);
}

/** "14 months", "3 weeks", "5 days": an age a person takes in at a glance. */
export function describeAge(days: number): string {
  if (days >= 730) return `${Math.floor(days / 365)} years`;
  if (days >= 60) return `${Math.floor(days / 30.4)} months`;
  if (days >= 14) return `${Math.floor(days / 7)} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}

export function evidenceFreshness(item: FreshnessInput, today: string): Freshness {
  const collected = (item.collectedOn ?? item.createdAt).slice(0, 10);
  const ageDays = Math.max(0, daysBetween(collected, today));
  if (item.validUntil && item.validUntil < today) {
    return { state: 'expired', ageDays, reason: `expired on ${item.validUntil}` };
  }
  if (item.reviewDue && item.reviewDue < today) {
    return { state: 'stale', ageDays, reason: `its review was due on ${item.reviewDue}` };
  }
  if (!item.reviewDue && ageDays > STALE_AFTER_DAYS) {
    return {
      state: 'stale',
      ageDays,
      reason: `collected ${describeAge(ageDays)} ago, more than a cycle ago, with no review date`,
    };
  }
  if (item.validUntil && daysBetween(today, item.validUntil) <= EXPIRING_WITHIN_DAYS) {
    const left = daysBetween(today, item.validUntil);
    return {
      state: 'expiring',
      ageDays,
      reason: `expires on ${item.validUntil} (${left === 0 ? 'today' : `in ${describeAge(left)}`})`,
    };
  }
  return { state: 'current', ageDays, reason: '' };
}

/** Expired and stale evidence is what the interview and the readiness screen warn about. */
export function needsAttention(state: FreshnessState): boolean {
  return state === 'expired' || state === 'stale';
}
