import type { Assessment } from '../../../shared/contracts/assessments';
import type { CycleSide } from '../../../shared/contracts/comparison';
import type { CoreContext } from '../context';
import { finalisedAt } from '../cycle';
import { readinessOf } from '../readiness';

/**
 * A score, or null where there is none to give: a readiness computed over nothing to score
 * (no requirement in scope) comes out as NaN, which no chart, table or JSON can carry.
 */
export const finite = (n: number | null): number | null =>
  n !== null && Number.isFinite(n) ? n : null;

/** One assessment as a side of a comparison: its scores, and the time it stands for. */
export function sideOf(ctx: CoreContext, assessment: Assessment, asOf: string): CycleSide {
  const readiness = readinessOf(ctx, assessment.id);
  return {
    id: assessment.id,
    title: assessment.title,
    status: assessment.status,
    createdAt: assessment.createdAt,
    finalisedAt: finalisedAt(ctx, assessment),
    asOf,
    score: finite(readiness.overall.score),
    clauses: finite(readiness.clauses.score),
    controls: finite(readiness.controls.score),
    verdict: readiness.verdict,
    assessed: assessment.progress.assessed,
    total: assessment.progress.total,
  };
}

/**
 * The instant an assessment stands for: when it was made final; one not final stands for
 * `otherwise` (now, or for the earlier of two, the moment the later one was started).
 */
export function asOfTime(ctx: CoreContext, assessment: Assessment, otherwise: string): string {
  return finalisedAt(ctx, assessment) ?? otherwise;
}
