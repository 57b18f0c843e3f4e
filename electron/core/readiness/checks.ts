import { and, count, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import { results, type Result } from '../../../shared/domain/assessment';
import {
  lifecycleStages,
  riskStatuses,
  treatmentOptions,
  type LifecycleStage,
  type RiskStatus,
  type TreatmentOption,
} from '../../../shared/domain/risks';
import type { ConsistencyInput } from '../../../shared/rules/consistency';
import { defaultCriteria } from '../../../shared/rules/risk-levels';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string | null): value is T =>
    value !== null && (values as readonly string[]).includes(value);
const isRiskStatus = oneOf<RiskStatus>(riskStatuses);
const isTreatment = oneOf<TreatmentOption>(treatmentOptions);
const isStage = oneOf<LifecycleStage>(lifecycleStages);
// The column has no CHECK constraint: a value written outside the app (an older release, a hand
// edit) counts as not assessed rather than breaking every score.
const isResult = oneOf<Result>(results);

/**
 * Which of an engagement's risks the checks read. A register may hold 10,000 risks, so the query
 * keeps only those a check can name: live risks relying on a control the SoA excludes, and live
 * risks above the threshold without treatment (the rules in shared/rules/consistency.ts apply the
 * same conditions again) — or, for the risk drawer, the one risk.
 */
export type RiskScope = { excludedControls: readonly string[] } | { riskId: string };

/** An engagement's risks that matter to the checks, with their controls, threshold and AI systems. */
export function engagementFacts(
  ctx: CoreContext,
  engagementId: string,
  scope: RiskScope,
): Pick<ConsistencyInput, 'risks' | 'acceptanceThreshold' | 'aiSystems'> {
  const { db } = ctx.store;
  const { risks, riskControls, requirements } = schema;
  const criteria = db
    .select({ threshold: schema.riskCriteria.acceptanceThreshold })
    .from(schema.riskCriteria)
    .where(eq(schema.riskCriteria.engagementId, engagementId))
    .get();
  const threshold = criteria?.threshold ?? defaultCriteria.acceptanceThreshold;
  const untreated = and(isNull(risks.treatmentOption), gt(risks.inherentScore, threshold));
  const relevant =
    'riskId' in scope
      ? eq(risks.id, scope.riskId)
      : scope.excludedControls.length === 0
        ? untreated
        : or(
            untreated,
            inArray(
              risks.id,
              db
                .select({ id: riskControls.riskId })
                .from(riskControls)
                .innerJoin(requirements, eq(requirements.id, riskControls.requirementId))
                .where(inArray(requirements.ref, [...scope.excludedControls])),
            ),
          );
  const which = and(eq(risks.engagementId, engagementId), ne(risks.status, 'closed'), relevant);
  const rows = db
    .select({
      id: risks.id,
      ref: risks.ref,
      title: risks.title,
      status: risks.status,
      inherentScore: risks.inherentScore,
      treatmentOption: risks.treatmentOption,
    })
    .from(risks)
    .where(which)
    .all();
  const controls = new Map<string, string[]>();
  for (const link of db
    .select({ riskId: riskControls.riskId, ref: requirements.ref })
    .from(riskControls)
    .innerJoin(risks, eq(risks.id, riskControls.riskId))
    .innerJoin(requirements, eq(requirements.id, riskControls.requirementId))
    .where(which)
    .all()) {
    const list = controls.get(link.riskId);
    if (list) list.push(link.ref);
    else controls.set(link.riskId, [link.ref]);
  }
  const systems = db
    .select({
      id: schema.aiSystems.id,
      name: schema.aiSystems.name,
      lifecycleStage: schema.aiSystems.lifecycleStage,
    })
    .from(schema.aiSystems)
    .where(eq(schema.aiSystems.engagementId, engagementId))
    .orderBy(schema.aiSystems.name)
    .all();
  const assessed = new Map(
    systems.length === 0
      ? []
      : db
          .select({ id: schema.impactAssessments.aiSystemId, n: count() })
          .from(schema.impactAssessments)
          .where(
            inArray(
              schema.impactAssessments.aiSystemId,
              systems.map((s) => s.id),
            ),
          )
          .groupBy(schema.impactAssessments.aiSystemId)
          .all()
          .map((r) => [r.id, r.n]),
  );
  return {
    risks: rows.map((r) => ({
      ...r,
      status: isRiskStatus(r.status) ? r.status : 'open',
      treatmentOption: isTreatment(r.treatmentOption) ? r.treatmentOption : null,
      controls: controls.get(r.id) ?? [],
    })),
    acceptanceThreshold: threshold,
    aiSystems: systems.map((s) => ({
      id: s.id,
      name: s.name,
      lifecycleStage: isStage(s.lifecycleStage) ? s.lifecycleStage : 'operation',
      impactAssessments: assessed.get(s.id) ?? 0,
    })),
  };
}

/** An assessment's answers by requirement ref. */
export function responseFacts(
  ctx: CoreContext,
  assessmentId: string,
  frameworkId: string,
): Record<string, Result> {
  const index = requirementIndex(ctx, frameworkId);
  const responses: Record<string, Result> = {};
  for (const row of ctx.store.db
    .select({ id: schema.responses.requirementId, result: schema.responses.result })
    .from(schema.responses)
    .where(eq(schema.responses.assessmentId, assessmentId))
    .all()) {
    const ref = index.byId.get(row.id)?.ref;
    if (ref && isResult(row.result)) responses[ref] = row.result;
  }
  return responses;
}
