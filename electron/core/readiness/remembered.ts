/**
 * One piece of work may ask for the same assessment's readiness several times: a full report
 * reads it for its own section, again for its side of the comparison with last year, and again
 * for the trend over every cycle (and the previous assessment twice). Each costs a gathering of
 * the assessment's records and the engagement's facts, a tenth of a second or more on a large
 * engagement. Inside `withReadinessRemembered`, each assessment's readiness is computed once.
 *
 * Only for synchronous work: better-sqlite3 reads block, so no write can come between two reads
 * inside it, and the remembered values are dropped as soon as it returns.
 */
import type { ReadinessView } from '../../../shared/contracts/readiness';

let remembered: Map<string, ReadinessView> | null = null;

export function withReadinessRemembered<T>(work: () => T): T {
  if (remembered) return work();
  remembered = new Map();
  try {
    const result = work();
    if (result instanceof Promise) {
      throw new Error('withReadinessRemembered is for synchronous work only.');
    }
    return result;
  } finally {
    remembered = null;
  }
}

/** The readiness remembered for `assessmentId`, computing it with `compute` the first time. */
export function rememberedReadiness(
  assessmentId: string,
  compute: () => ReadinessView,
): ReadinessView {
  if (!remembered) return compute();
  const known = remembered.get(assessmentId);
  if (known) return known;
  const view = compute();
  remembered.set(assessmentId, view);
  return view;
}
