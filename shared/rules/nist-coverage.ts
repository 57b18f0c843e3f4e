import type { CrosswalkRelation } from '../crosswalk/format';
import type { Result } from '../domain/assessment';

/**
 * How far an assessment's answers support each NIST AI RMF subcategory, through our crosswalk.
 * A subcategory is
 * - supported: a requirement that is equivalent to it or covers part of it is conformant;
 * - partly supported: a related requirement is partially conformant, or one that only supports
 *   it is conformant;
 * - not supported: related requirements exist in scope, none conformant or partially conformant
 *   (nonconformant or not assessed yet);
 * - not mapped: no requirement in scope relates to it (none in our crosswalk, or all excluded).
 * Requirements answered "not applicable" or left out of the assessment's scope do not count.
 */
export const nistCoverageLevels = ['supported', 'partly', 'unsupported', 'unmapped'] as const;
export type NistCoverageLevel = (typeof nistCoverageLevels)[number];

export interface CoverageLink {
  /** The 42001 requirement's ref. */
  from: string;
  /** The NIST subcategory. */
  to: string;
  relation: CrosswalkRelation;
}

/** The answer that counts for a requirement; null when it does not count (not applicable, out of scope). */
export type CountedResult = Exclude<Result, 'not-applicable'> | null;

export function subcategoryLevel(
  links: readonly CoverageLink[],
  resultOf: (ref: string) => CountedResult,
): NistCoverageLevel {
  let level: NistCoverageLevel = 'unmapped';
  const rank: Record<NistCoverageLevel, number> = {
    unmapped: 0,
    unsupported: 1,
    partly: 2,
    supported: 3,
  };
  const raise = (to: NistCoverageLevel) => {
    if (rank[to] > rank[level]) level = to;
  };
  for (const link of links) {
    const result = resultOf(link.from);
    if (result === null) continue;
    const direct = link.relation !== 'supports';
    if (result === 'conformant') raise(direct ? 'supported' : 'partly');
    else if (result === 'partially-conformant') raise('partly');
    else raise('unsupported');
  }
  return level;
}

export interface CoverageCounts {
  supported: number;
  partly: number;
  unsupported: number;
  unmapped: number;
}

export const emptyCounts = (): CoverageCounts => ({
  supported: 0,
  partly: 0,
  unsupported: 0,
  unmapped: 0,
});

/** A share of support in percent: supported counts whole, partly half, over every subcategory. */
export function coverageScore(counts: CoverageCounts): number {
  const total = counts.supported + counts.partly + counts.unsupported + counts.unmapped;
  if (total === 0) return 0;
  return Math.round(((counts.supported + counts.partly / 2) / total) * 100);
}
