import type { ImplementationStatus, Result } from '../domain/assessment';

/**
 * What changed between two assessments of one engagement, requirement by requirement. A result
 * is improved or worsened only when both cycles judged it (conformant > partially conformant >
 * nonconformant). Everything else says why it cannot be compared, so a requirement this year has
 * not reached yet never reads as "worsened".
 */
export const changeKinds = ['improved', 'worsened', 'unchanged', 'new', 'not-compared'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const changeLabels: Record<ChangeKind, string> = {
  improved: 'Improved',
  worsened: 'Worsened',
  unchanged: 'Unchanged',
  new: 'New',
  'not-compared': 'Not compared',
};

const rank: Partial<Record<Result, number>> = {
  conformant: 2,
  'partially-conformant': 1,
  nonconformant: 0,
};

export interface ResultChange {
  change: ChangeKind;
  /** Why, in a few words, where the kind alone does not say it. */
  note: string;
}

/** `null` means the requirement was outside that assessment's scope. */
export function resultChange(before: Result | null, after: Result | null): ResultChange {
  if (after === null) {
    return before === null
      ? { change: 'not-compared', note: 'out of scope in both' }
      : { change: 'not-compared', note: 'left out of scope' };
  }
  if (after === 'not-assessed') return { change: 'not-compared', note: 'not assessed yet' };
  const a = rank[after];
  if (a === undefined) {
    // after is not applicable
    if (before === 'not-applicable') return { change: 'unchanged', note: '' };
    if (before === null || before === 'not-assessed') return { change: 'new', note: '' };
    return { change: 'not-compared', note: 'not applicable now' };
  }
  if (before === null) return { change: 'new', note: 'newly in scope' };
  if (before === 'not-assessed') return { change: 'new', note: 'not assessed last time' };
  const b = rank[before];
  if (b === undefined) return { change: 'new', note: 'applies now' };
  if (a > b) return { change: 'improved', note: '' };
  if (a < b) return { change: 'worsened', note: '' };
  return { change: 'unchanged', note: '' };
}

export function countChanges(rows: readonly { change: ChangeKind }[]): Record<ChangeKind, number> {
  const counts = Object.fromEntries(changeKinds.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const row of rows) counts[row.change] += 1;
  return counts;
}

/** A point in time and whether an instant falls after it and at or before another. */
export function inWindow(at: string | null, from: string, to: string): boolean {
  return at !== null && at > from && at <= to;
}

export interface FindingTimes {
  createdAt: string;
  closedAt: string | null;
}

/**
 * Findings between two reference times (when the earlier assessment was made final, and when the
 * later one was, or now): opened = raised in between, closed = closed in between, still open =
 * open at both times. Internal audit findings count like any other: they are in the same log.
 */
export function findingsBetween<F extends FindingTimes>(
  findings: readonly F[],
  from: string,
  to: string,
): { opened: F[]; closed: F[]; stillOpen: F[] } {
  const openAt = (f: F, t: string) => f.createdAt <= t && (f.closedAt === null || f.closedAt > t);
  return {
    opened: findings.filter((f) => inWindow(f.createdAt, from, to)),
    closed: findings.filter((f) => inWindow(f.closedAt, from, to)),
    stillOpen: findings.filter((f) => openAt(f, from) && openAt(f, to)),
  };
}

export const soaChangeKinds = [
  'decided',
  'undecided',
  'included',
  'excluded',
  'implementation',
  'justification',
] as const;
export type SoaChangeKind = (typeof soaChangeKinds)[number];

export const soaChangeLabels: Record<SoaChangeKind, string> = {
  decided: 'Decided',
  undecided: 'No longer decided',
  included: 'Now applicable',
  excluded: 'Now excluded',
  implementation: 'Implementation changed',
  justification: 'Justification rewritten',
};

export interface SoaDecision {
  applicable: boolean;
  implementationStatus: ImplementationStatus;
  justification: string;
}

/** The most telling change of one control's SoA entry, or null when nothing changed. */
export function soaChange(
  before: SoaDecision | null,
  after: SoaDecision | null,
): SoaChangeKind | null {
  if (!before && !after) return null;
  if (!before) return 'decided';
  if (!after) return 'undecided';
  if (before.applicable !== after.applicable) return after.applicable ? 'included' : 'excluded';
  if (before.implementationStatus !== after.implementationStatus) return 'implementation';
  if (before.justification.trim() !== after.justification.trim()) return 'justification';
  return null;
}

export const riskChangeKinds = ['raised', 'lowered', 'added', 'removed'] as const;
export type RiskChangeKind = (typeof riskChangeKinds)[number];

export const riskChangeLabels: Record<RiskChangeKind, string> = {
  raised: 'Level raised',
  lowered: 'Level lowered',
  added: 'Added',
  removed: 'Removed',
};

export interface RiskLevel {
  score: number;
  band: string;
}

/** A risk's current level (residual once treated, else inherent) at two times. */
export function riskChange(
  before: RiskLevel | null,
  after: RiskLevel | null,
): RiskChangeKind | null {
  if (!before && !after) return null;
  if (!before) return 'added';
  if (!after) return 'removed';
  if (after.score > before.score) return 'raised';
  if (after.score < before.score) return 'lowered';
  return null;
}
