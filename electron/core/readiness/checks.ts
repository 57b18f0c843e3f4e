import { count, eq, inArray } from 'drizzle-orm';
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

/** An engagement's risks with the controls their treatments rely on, its threshold and AI systems. */
export function engagementFacts(
  ctx: CoreContext,
  engagementId: string,
): Pick<ConsistencyInput, 'risks' | 'acceptanceThreshold' | 'aiSystems'> {
  const { db } = ctx.store;
  const rows = db
    .select({
      id: schema.risks.id,
      ref: schema.risks.ref,
      title: schema.risks.title,
      status: schema.risks.status,
      inherentScore: schema.risks.inherentScore,
      treatmentOption: schema.risks.treatmentOption,
    })
    .from(schema.risks)
    .where(eq(schema.risks.engagementId, engagementId))
    .all();
  const controls = new Map<string, string[]>();
  for (const link of db
    .select({ riskId: schema.riskControls.riskId, ref: schema.requirements.ref })
    .from(schema.riskControls)
    .innerJoin(schema.risks, eq(schema.risks.id, schema.riskControls.riskId))
    .innerJoin(schema.requirements, eq(schema.requirements.id, schema.riskControls.requirementId))
    .where(eq(schema.risks.engagementId, engagementId))
    .all()) {
    controls.set(link.riskId, [...(controls.get(link.riskId) ?? []), link.ref]);
  }
  const criteria = db
    .select({ threshold: schema.riskCriteria.acceptanceThreshold })
    .from(schema.riskCriteria)
    .where(eq(schema.riskCriteria.engagementId, engagementId))
    .get();
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
    acceptanceThreshold: criteria?.threshold ?? defaultCriteria.acceptanceThreshold,
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
