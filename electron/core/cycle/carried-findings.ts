import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { CarriedFinding } from '../../../shared/contracts/cycle';
import type { CoreContext } from '../context';
import { schema } from '../db';

const { assessments, carriedFindings, findings, requirements } = schema;

/** A finding with where it was raised: the shape the cycle lists findings in. */
const columns = {
  findingId: findings.id,
  ref: findings.ref,
  fromAssessmentId: findings.assessmentId,
  fromTitle: assessments.title,
  requirementId: findings.requirementId,
  requirementRef: requirements.ref,
  grade: findings.grade,
  statement: findings.statement,
  owner: findings.owner,
  dueDate: findings.dueDate,
  status: findings.status,
  closedAt: findings.closedAt,
};

const byRef = [sql`length(${findings.ref})`, asc(findings.ref)];

/**
 * Findings of earlier cycles listed in this one: open when it was started, with their present
 * status (one closed since then shows as closed, with its date).
 */
export function carriedFindingsOf(ctx: CoreContext, assessmentId: string): CarriedFinding[] {
  return ctx.store.db
    .select(columns)
    .from(carriedFindings)
    .innerJoin(findings, eq(findings.id, carriedFindings.findingId))
    .innerJoin(assessments, eq(assessments.id, findings.assessmentId))
    .innerJoin(requirements, eq(requirements.id, findings.requirementId))
    .where(eq(carriedFindings.assessmentId, assessmentId))
    .orderBy(asc(assessments.createdAt), ...byRef)
    .all();
}

/**
 * What stays open when the next cycle starts: this assessment's own findings that are not
 * closed, and those it carried from before that are still not closed.
 */
export function openFindingsOf(ctx: CoreContext, assessmentId: string): CarriedFinding[] {
  const own = ctx.store.db
    .select(columns)
    .from(findings)
    .innerJoin(assessments, eq(assessments.id, findings.assessmentId))
    .innerJoin(requirements, eq(requirements.id, findings.requirementId))
    .where(and(eq(findings.assessmentId, assessmentId), ne(findings.status, 'closed')))
    .orderBy(...byRef)
    .all();
  const earlier = carriedFindingsOf(ctx, assessmentId).filter((f) => f.status !== 'closed');
  return [...earlier, ...own];
}
