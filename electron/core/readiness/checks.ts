import { and, count, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { results, type Result } from '../../../shared/domain/assessment';
import {
  lifecycleStages,
  riskStatuses,
  treatmentOptions,
  type LifecycleStage,
  type RiskStatus,
  type TreatmentOption,
} from '../../../shared/domain/risks';
import { NAMED_RISKS, type ConsistencyInput } from '../../../shared/rules/consistency';
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
 * Which risks the checks read. A register may hold 10,000 risks, so the store counts what the
 * rules need instead of handing them every risk: per excluded control, the live risks relying on
 * it (the first NAMED_RISKS and how many); and the live risks above the threshold without
 * treatment. For the risk drawer, the one risk and every control it relies on.
 */
export type RiskScope =
  { excludedControls: readonly { id: string; ref: string }[] } | { riskId: string };

/** "Live" as the rules say it (`isLiveRisk`): every status but closed. */
const live = ne(schema.risks.status, 'closed');
/** Register order: R-002 before R-010 before R-100. */
const registerOrder = [sql`length(${schema.risks.ref})`, schema.risks.ref];

function reliance(
  ctx: CoreContext,
  engagementId: string,
  scope: RiskScope,
): ConsistencyInput['reliance'] {
  const { db } = ctx.store;
  const { risks, riskControls, requirements } = schema;
  if ('riskId' in scope) {
    return db
      .select({ control: requirements.ref, id: risks.id, ref: risks.ref })
      .from(riskControls)
      .innerJoin(risks, eq(risks.id, riskControls.riskId))
      .innerJoin(requirements, eq(requirements.id, riskControls.requirementId))
      .where(and(eq(risks.id, scope.riskId), eq(risks.engagementId, engagementId), live))
      .all()
      .map(({ control, id, ref }) => ({ control, risks: [{ id, ref }], count: 1 }));
  }
  if (scope.excludedControls.length === 0) return [];
  const relying = (requirementIds: string[]) =>
    and(
      inArray(riskControls.requirementId, requirementIds),
      eq(risks.engagementId, engagementId),
      live,
    );
  const counts = new Map(
    db
      .select({ id: riskControls.requirementId, n: count() })
      .from(riskControls)
      .innerJoin(risks, eq(risks.id, riskControls.riskId))
      .where(relying(scope.excludedControls.map((c) => c.id)))
      .groupBy(riskControls.requirementId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return scope.excludedControls.flatMap((control) => {
    const n = counts.get(control.id) ?? 0;
    if (n === 0) return [];
    const named = db
      .select({ id: risks.id, ref: risks.ref })
      .from(riskControls)
      .innerJoin(risks, eq(risks.id, riskControls.riskId))
      .where(relying([control.id]))
      .orderBy(...registerOrder)
      .limit(NAMED_RISKS)
      .all();
    return [{ control: control.ref, risks: named, count: n }];
  });
}

/** The facts the checks need about an engagement's risk register and AI systems. */
export function engagementFacts(
  ctx: CoreContext,
  engagementId: string,
  scope: RiskScope,
): Pick<ConsistencyInput, 'reliance' | 'risks' | 'acceptanceThreshold' | 'aiSystems'> {
  const { db } = ctx.store;
  const { risks } = schema;
  const criteria = db
    .select({ threshold: schema.riskCriteria.acceptanceThreshold })
    .from(schema.riskCriteria)
    .where(eq(schema.riskCriteria.engagementId, engagementId))
    .get();
  const threshold = criteria?.threshold ?? defaultCriteria.acceptanceThreshold;
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
    .where(
      and(
        eq(risks.engagementId, engagementId),
        live,
        'riskId' in scope
          ? eq(risks.id, scope.riskId)
          : and(isNull(risks.treatmentOption), gt(risks.inherentScore, threshold)),
      ),
    )
    .orderBy(...registerOrder)
    .all();
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
    reliance: reliance(ctx, engagementId, scope),
    risks: rows.map((r) => ({
      ...r,
      status: isRiskStatus(r.status) ? r.status : 'open',
      treatmentOption: isTreatment(r.treatmentOption) ? r.treatmentOption : null,
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
