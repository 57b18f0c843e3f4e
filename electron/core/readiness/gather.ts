import { eq } from 'drizzle-orm';
import type { ReadinessView } from '../../../shared/contracts/readiness';
import { documentViews } from '../../../shared/rules/gates';
import { computeReadiness } from '../../../shared/rules/readiness';
import { assessmentRecord } from '../assessments';
import { catalogOverlaps, requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { documentFacts, today } from '../documented-information';
import { soaDecisions } from '../soa';
import { responseFacts } from './checks';
import { checksFor } from './consistency';
import { cycleRecordsOf } from './cycle';
import { internalAuditRecords } from '../audits';
import { carriedFindingsOf } from '../cycle';
import { managementReviewRecords } from '../management-reviews';
import { rememberedReadiness } from './remembered';

function findingFacts(ctx: CoreContext, assessmentId: string, frameworkId: string) {
  const index = requirementIndex(ctx, frameworkId);
  return ctx.store.db
    .select({
      id: schema.findings.requirementId,
      grade: schema.findings.grade,
      status: schema.findings.status,
    })
    .from(schema.findings)
    .where(eq(schema.findings.assessmentId, assessmentId))
    .all()
    .map((f) => ({ ref: index.byId.get(f.id)?.ref ?? '', grade: f.grade, status: f.status }))
    .concat(
      // Findings of earlier cycles still open stay open in this one (issue 13): an open major
      // raised last year blocks this year's stage 2 just as one raised now.
      carriedFindingsOf(ctx, assessmentId).map((f) => ({
        ref: f.requirementRef,
        grade: f.grade,
        status: f.status,
      })),
    );
}

/**
 * Gathers one assessment's records — answers, findings, SoA, documented information, audits and
 * reviews, and the engagement's risks and AI systems — and applies the pure rules: scores and
 * gates (shared/rules/readiness.ts), consistency checks (shared/rules/consistency.ts).
 */
export function readinessOf(ctx: CoreContext, assessmentId: string): ReadinessView {
  return rememberedReadiness(assessmentId, () => gatherReadiness(ctx, assessmentId));
}

function gatherReadiness(ctx: CoreContext, assessmentId: string): ReadinessView {
  const assessment = assessmentRecord(ctx, assessmentId);
  const { frameworkId } = assessment;
  const index = requirementIndex(ctx, frameworkId);
  const responses = responseFacts(ctx, assessmentId, frameworkId);
  const soa = soaDecisions(ctx, assessmentId, frameworkId);
  const facts = {
    soa,
    documents: documentFacts(ctx, assessmentId),
    overlaps: catalogOverlaps(ctx, frameworkId),
    asOf: today(ctx),
  };
  // Documented information says an audit and a review were held; the cycle's own records say
  // which, and when.
  const cycle = [
    ...cycleRecordsOf(documentViews(facts)),
    ...internalAuditRecords(ctx, assessment.engagementId),
    ...managementReviewRecords(ctx, assessment.engagementId),
  ];
  const readiness = computeReadiness({
    ...facts,
    requirements: index.assessable,
    excludedAreas: assessment.excludedAreas,
    responses,
    findings: findingFacts(ctx, assessmentId, frameworkId),
    cycle,
    areaTitles: index.areaTitles,
  });
  return {
    ...readiness,
    cycle,
    checks: checksFor(ctx, assessment.engagementId, { soa, responses }),
  };
}
