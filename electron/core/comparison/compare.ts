import { eq } from 'drizzle-orm';
import type { Assessment } from '../../../shared/contracts/assessments';
import type { ComparedFinding, Comparison } from '../../../shared/contracts/comparison';
import type { Result } from '../../../shared/domain/assessment';
import {
  countChanges,
  findingsBetween,
  resultChange,
  riskChange,
  riskChangeKinds,
  soaChange,
  type SoaDecision,
} from '../../../shared/rules/comparison';
import { inScope, isAnnexA } from '../../../shared/rules/scope';
import { getAssessment, listAssessments } from '../assessments';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { invalid } from '../errors';
import { listFindings } from '../findings';
import { listResponses } from '../responses';
import { riskLevelsAt } from './risk-history';
import { asOfTime, sideOf } from './sides';

const { soaEntries } = schema;

/** Added and removed risks listed per kind at most; a new 10,000-risk register is a count. */
export const RISK_LIST_LIMIT = 200;

function resultsOf(ctx: CoreContext, assessment: Assessment): Map<string, Result> {
  return new Map(listResponses(ctx, assessment.id).map((r) => [r.requirementId, r.result]));
}

/** Every finding of the engagement, whichever of its assessments (or audits) raised it. */
function engagementFindings(ctx: CoreContext, engagementId: string): ComparedFinding[] {
  return listAssessments(ctx, engagementId).flatMap((a) =>
    listFindings(ctx, a.id).map((f) => ({
      id: f.id,
      ref: f.ref,
      assessmentTitle: a.title,
      requirementRef: f.requirementRef,
      grade: f.grade,
      statement: f.statement,
      status: f.status,
      createdAt: f.createdAt,
      closedAt: f.closedAt,
    })),
  );
}

/**
 * The SoA decisions of one assessment by requirement. Read here rather than through the SoA
 * room's list, which also builds every suggestion from the risk register: a comparison needs
 * only what was decided.
 */
function decisionsOf(ctx: CoreContext, assessmentId: string): Map<string, SoaDecision> {
  const rows = ctx.store.db
    .select({
      requirementId: soaEntries.requirementId,
      applicable: soaEntries.applicable,
      implementationStatus: soaEntries.implementationStatus,
      justification: soaEntries.justification,
    })
    .from(soaEntries)
    .where(eq(soaEntries.assessmentId, assessmentId))
    .all();
  return new Map(rows.map(({ requirementId, ...decision }) => [requirementId, decision]));
}

function soaChanges(ctx: CoreContext, before: Assessment, after: Assessment) {
  const was = decisionsOf(ctx, before.id);
  const is = decisionsOf(ctx, after.id);
  return requirementIndex(ctx, after.frameworkId).assessable.flatMap((r) => {
    const then = was.get(r.id) ?? null;
    const now = is.get(r.id) ?? null;
    const change = soaChange(then, now);
    return change ? [{ ref: r.ref, title: r.title, change, before: then, after: now }] : [];
  });
}

function riskChanges(ctx: CoreContext, engagementId: string, from: string, to: string) {
  const [then, now] = riskLevelsAt(ctx, engagementId, [from, to]);
  const counts = Object.fromEntries(
    riskChangeKinds.map((k) => [k, 0]),
  ) as Comparison['risks']['counts'];
  const changes: Comparison['risks']['changes'] = [];
  const ids = new Set([...(then?.keys() ?? []), ...(now?.keys() ?? [])]);
  for (const riskId of ids) {
    const was = then?.get(riskId) ?? null;
    const is = now?.get(riskId) ?? null;
    const change = riskChange(was, is);
    if (!change) continue;
    counts[change] += 1;
    const listed = change === 'raised' || change === 'lowered' || counts[change] <= RISK_LIST_LIMIT;
    if (!listed) continue;
    const name = is ?? was;
    changes.push({
      riskId,
      ref: name?.ref ?? '',
      title: name?.title ?? '',
      change,
      before: was && { score: was.score, band: was.band },
      after: is && { score: is.score, band: is.band },
    });
  }
  changes.sort((a, b) => a.ref.length - b.ref.length || a.ref.localeCompare(b.ref));
  return {
    before: then?.size ?? 0,
    after: now?.size ?? 0,
    counts,
    changes,
    listLimit: RISK_LIST_LIMIT,
  };
}

/**
 * Compares two assessments of one engagement, the older as "before" whichever order they are
 * named in. Each stands for a moment — when it was made final, or now — and findings and risk
 * levels are compared between those two moments.
 */
export function compareAssessments(ctx: CoreContext, a: string, b: string): Comparison {
  if (a === b) throw invalid('b', 'choose two different assessments to compare');
  const first = getAssessment(ctx, a);
  const second = getAssessment(ctx, b);
  if (first.engagementId !== second.engagementId) {
    throw invalid('b', `“${second.title}” belongs to another engagement than “${first.title}”`);
  }
  if (first.frameworkId !== second.frameworkId) {
    throw invalid('b', `“${second.title}” follows another framework than “${first.title}”`);
  }
  const swapped = second.createdAt < first.createdAt;
  const [before, after] = swapped ? [second, first] : [first, second];
  const now = ctx.now();
  const afterAsOf = asOfTime(ctx, after, now);
  const beforeAsOf = asOfTime(ctx, before, after.createdAt);

  const index = requirementIndex(ctx, before.frameworkId);
  const was = resultsOf(ctx, before);
  const is = resultsOf(ctx, after);
  const resultIn = (
    assessment: Assessment,
    results: Map<string, Result>,
    id: string,
    ref: string,
  ) => (inScope(ref, assessment.excludedAreas) ? (results.get(id) ?? 'not-assessed') : null);
  const requirements = index.assessable.map((r) => {
    const beforeResult = resultIn(before, was, r.id, r.ref);
    const afterResult = resultIn(after, is, r.id, r.ref);
    return {
      requirementId: r.id,
      ref: r.ref,
      title: r.title,
      annex: isAnnexA(r.ref),
      before: beforeResult,
      after: afterResult,
      ...resultChange(beforeResult, afterResult),
    };
  });

  return {
    engagementId: before.engagementId,
    clientName: before.clientName,
    before: sideOf(ctx, before, beforeAsOf),
    after: sideOf(ctx, after, afterAsOf),
    swapped,
    requirements,
    counts: countChanges(requirements),
    findings: findingsBetween(engagementFindings(ctx, before.engagementId), beforeAsOf, afterAsOf),
    soa: soaChanges(ctx, before, after),
    risks: riskChanges(ctx, before.engagementId, beforeAsOf, afterAsOf),
  };
}
