import { and, desc, eq, lt } from 'drizzle-orm';
import type { Assessment } from '../../../shared/contracts/assessments';
import { getAssessment } from '../assessments';
import type { CoreContext } from '../context';
import { schema } from '../db';

const { assessments, assessmentCycles, auditLog } = schema;

export interface AssessmentLink {
  id: string;
  title: string;
  status: string;
  finalisedAt: string | null;
}

/**
 * When an assessment was last made final (the audit trail keeps every finalisation; a reopened
 * and re-finalised one counts from the last), or null while it is not final.
 */
export function finalisedAt(ctx: CoreContext, assessment: { id: string; status: string }) {
  if (assessment.status !== 'final') return null;
  const row = ctx.store.db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'assessment'),
        eq(auditLog.entityId, assessment.id),
        eq(auditLog.action, 'assessment.finalise'),
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  return row?.at ?? null;
}

export function linkOf(ctx: CoreContext, assessment: Assessment): AssessmentLink {
  return {
    id: assessment.id,
    title: assessment.title,
    status: assessment.status,
    finalisedAt: finalisedAt(ctx, assessment),
  };
}

/**
 * The assessment a cycle follows: the one it was started from, or else (an assessment created
 * by hand) the newest earlier assessment of the same engagement and framework.
 */
export function previousAssessment(ctx: CoreContext, assessment: Assessment): Assessment | null {
  const { db } = ctx.store;
  const started = db
    .select({ previous: assessmentCycles.previousAssessmentId })
    .from(assessmentCycles)
    .where(eq(assessmentCycles.assessmentId, assessment.id))
    .get();
  if (started) return getAssessment(ctx, started.previous);
  const earlier = db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.engagementId, assessment.engagementId),
        eq(assessments.frameworkId, assessment.frameworkId),
        lt(assessments.createdAt, assessment.createdAt),
      ),
    )
    .orderBy(desc(assessments.createdAt))
    .limit(1)
    .get();
  return earlier ? getAssessment(ctx, earlier.id) : null;
}

/** The assessments started from this one with "Start the next assessment". */
export function nextAssessments(ctx: CoreContext, assessmentId: string): AssessmentLink[] {
  return ctx.store.db
    .select({ id: assessmentCycles.assessmentId })
    .from(assessmentCycles)
    .where(eq(assessmentCycles.previousAssessmentId, assessmentId))
    .orderBy(assessmentCycles.createdAt)
    .all()
    .map((row) => linkOf(ctx, getAssessment(ctx, row.id)));
}
