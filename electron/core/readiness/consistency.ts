import { eq } from 'drizzle-orm';
import type { ConsistencyFindingView } from '../../../shared/contracts/readiness';
import {
  consistencyFindings,
  excludedButReliedOn,
  untreatedRisks,
  type ConsistencyInput,
} from '../../../shared/rules/consistency';
import { getAssessment, listAssessments } from '../assessments';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { notFound } from '../errors';
import { soaDecisions, type SoaDecision } from '../soa';
import { engagementFacts, responseFacts } from './checks';

/** Every check over an assessment's SoA and answers and its engagement's risks and AI systems. */
export function checksFor(
  ctx: CoreContext,
  engagementId: string,
  facts: Pick<ConsistencyInput, 'responses'> & { soa: readonly SoaDecision[] },
): ConsistencyFindingView[] {
  const excludedControls = facts.soa
    .filter((d) => !d.applicable)
    .map((d) => ({ id: d.requirementId, ref: d.ref }));
  return consistencyFindings({
    ...facts,
    ...engagementFacts(ctx, engagementId, { excludedControls }),
  });
}

/** An assessment's consistency findings; with `ref`, only those to show at that requirement. */
export function checksOf(
  ctx: CoreContext,
  assessmentId: string,
  ref?: string,
): ConsistencyFindingView[] {
  const assessment = getAssessment(ctx, assessmentId);
  const all = checksFor(ctx, assessment.engagementId, {
    soa: soaDecisions(ctx, assessmentId, assessment.frameworkId),
    responses: responseFacts(ctx, assessmentId, assessment.frameworkId),
  });
  return ref === undefined ? all : all.filter((f) => f.refs.includes(ref));
}

/**
 * The findings that name one risk: untreated above the threshold, or relying on a control the SoA
 * of one of the engagement's assessments excludes (each named, as an engagement may hold several).
 */
export function riskChecks(
  ctx: CoreContext,
  riskId: string,
): (ConsistencyFindingView & { assessmentTitle: string | null })[] {
  const risk = ctx.store.db
    .select({ engagementId: schema.risks.engagementId })
    .from(schema.risks)
    .where(eq(schema.risks.id, riskId))
    .get();
  if (!risk) throw notFound('Risk', riskId);
  const own = engagementFacts(ctx, risk.engagementId, { riskId });
  const untreated = untreatedRisks({ ...own, soa: [], responses: {} }).map((f) => ({
    ...f,
    assessmentTitle: null,
  }));
  const excluded = listAssessments(ctx, risk.engagementId).flatMap((a) =>
    excludedButReliedOn({
      ...own,
      soa: soaDecisions(ctx, a.id, a.frameworkId),
      responses: {},
    }).map((f) => ({ ...f, assessmentTitle: a.title })),
  );
  return [...excluded, ...untreated];
}
