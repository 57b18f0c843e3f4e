import type { TrendPoint } from '../../../shared/contracts/comparison';
import { listAssessments } from '../assessments';
import type { CoreContext } from '../context';
import { carriedFindingsOf, finalisedAt } from '../cycle';
import { listFindings } from '../findings';
import { requireEngagement } from '../engagements';
import { readinessOf } from '../readiness';
import { finite } from './sides';

/**
 * Findings open at the moment an assessment stands for (when made final, or now): its own, and
 * those of earlier cycles it carried that were not closed by then.
 */
function openAt(ctx: CoreContext, assessmentId: string, at: string): number {
  const open = (closedAt: string | null) => closedAt === null || closedAt > at;
  const own = listFindings(ctx, assessmentId).filter((f) => f.createdAt <= at && open(f.closedAt));
  const carried = carriedFindingsOf(ctx, assessmentId).filter((f) => open(f.closedAt));
  return own.length + carried.length;
}

/** The readiness of every assessment of an engagement, oldest first: the cycle's trend. */
export function readinessTrend(ctx: CoreContext, engagementId: string): TrendPoint[] {
  requireEngagement(ctx, engagementId);
  return listAssessments(ctx, engagementId)
    .sort((x, y) => x.createdAt.localeCompare(y.createdAt))
    .map((assessment) => {
      const readiness = readinessOf(ctx, assessment.id);
      const final = finalisedAt(ctx, assessment);
      return {
        id: assessment.id,
        title: assessment.title,
        status: assessment.status,
        at: final ?? assessment.updatedAt,
        score: finite(readiness.overall.score),
        clauses: finite(readiness.clauses.score),
        controls: finite(readiness.controls.score),
        verdict: readiness.verdict,
        openFindings: openAt(ctx, assessment.id, final ?? ctx.now()),
      };
    });
}
