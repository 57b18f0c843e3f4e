import { and, eq, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import { rate, type RiskCriteriaRules } from '../../../shared/rules/risk-levels';
import { audit, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { conflict, invalid } from '../errors';
import type { CurrentCriteria } from './criteria';
import { checkRiskReferences, type RiskLookups } from './lookups';

const { risks, riskAiSystems, riskControls } = schema;

export type RiskFields = Omit<ParsedInput<'risks.create'>, 'engagementId'>;

export interface RiskLevels {
  inherentScore: number;
  inherentBand: string;
  residualScore: number | null;
  residualBand: string | null;
}

/** Rates a risk under criteria, naming the field when a level lies outside the matrix. */
export function rateRisk(
  rules: RiskCriteriaRules,
  v: Pick<RiskFields, 'likelihood' | 'impact' | 'residualLikelihood' | 'residualImpact'>,
): RiskLevels {
  const check = (field: string, value: number, levels: number) => {
    if (value < 1 || value > levels)
      throw invalid(field, `must be 1 to ${levels} under the criteria`);
  };
  check('likelihood', v.likelihood, rules.likelihoodLevels);
  check('impact', v.impact, rules.impactLevels);
  const inherent = rate(rules, v.likelihood, v.impact);
  if (v.residualLikelihood === null || v.residualImpact === null) {
    return {
      inherentScore: inherent.score,
      inherentBand: inherent.band,
      residualScore: null,
      residualBand: null,
    };
  }
  check('residualLikelihood', v.residualLikelihood, rules.likelihoodLevels);
  check('residualImpact', v.residualImpact, rules.impactLevels);
  const residual = rate(rules, v.residualLikelihood, v.residualImpact);
  return {
    inherentScore: inherent.score,
    inherentBand: inherent.band,
    residualScore: residual.score,
    residualBand: residual.band,
  };
}

/** The number after the highest R-n ref of the engagement. */
export function nextRefNumber(ctx: CoreContext, engagementId: string): number {
  const row = ctx.store.db
    .select({ n: sql<number | null>`max(CAST(substr(${risks.ref}, 3) AS INTEGER))` })
    .from(risks)
    .where(and(eq(risks.engagementId, engagementId), sql`${risks.ref} GLOB 'R-[0-9]*'`))
    .get();
  return (row?.n ?? 0) + 1;
}

export const formatRef = (n: number) => `R-${String(n).padStart(3, '0')}`;

/** The stored columns a risk's fields and levels give (everything but id, ref and stamps). */
export function riskColumns(fields: RiskFields, levels: RiskLevels, criteriaVersion: number) {
  return {
    title: fields.title,
    description: fields.description,
    riskSource: fields.riskSource,
    objectivesJson: writeJson(fields.objectives),
    likelihood: fields.likelihood,
    impact: fields.impact,
    ...levels,
    treatmentOption: fields.treatmentOption,
    treatmentPlan: fields.treatmentPlan,
    residualLikelihood: fields.residualLikelihood,
    residualImpact: fields.residualImpact,
    criteriaVersion,
    owner: fields.owner,
    dueDate: fields.dueDate,
    status: fields.status,
  } satisfies Partial<typeof risks.$inferInsert>;
}

type StoredRisk = Omit<typeof risks.$inferSelect, 'acceptedBy' | 'acceptedAt'>;

/**
 * The statements that write risks, compiled once and run per risk: an import or the demo seed
 * writes 10,000 risks in one transaction, and building and compiling each query anew would
 * cost more than running it. Only parameters change between runs.
 */
export function riskWriter(ctx: CoreContext) {
  const { db } = ctx.store;
  const p = sql.placeholder;
  const refTaken = db
    .select({ id: risks.id })
    .from(risks)
    .where(and(eq(risks.engagementId, p('engagementId')), eq(risks.ref, p('ref'))))
    .prepare();
  const insert = db
    .insert(risks)
    .values({
      id: p('id'),
      engagementId: p('engagementId'),
      ref: p('ref'),
      title: p('title'),
      description: p('description'),
      riskSource: p('riskSource'),
      objectivesJson: p('objectivesJson'),
      likelihood: p('likelihood'),
      impact: p('impact'),
      inherentScore: p('inherentScore'),
      inherentBand: p('inherentBand'),
      treatmentOption: p('treatmentOption'),
      treatmentPlan: p('treatmentPlan'),
      residualLikelihood: p('residualLikelihood'),
      residualImpact: p('residualImpact'),
      residualScore: p('residualScore'),
      residualBand: p('residualBand'),
      criteriaVersion: p('criteriaVersion'),
      owner: p('owner'),
      dueDate: p('dueDate'),
      status: p('status'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
      updatedBy: p('updatedBy'),
    })
    .prepare();
  const dropSystems = db
    .delete(riskAiSystems)
    .where(eq(riskAiSystems.riskId, p('riskId')))
    .prepare();
  const dropControls = db
    .delete(riskControls)
    .where(eq(riskControls.riskId, p('riskId')))
    .prepare();
  const addSystem = db
    .insert(riskAiSystems)
    .values({ riskId: p('riskId'), aiSystemId: p('aiSystemId') })
    .prepare();
  const addControl = db
    .insert(riskControls)
    .values({ riskId: p('riskId'), requirementId: p('requirementId') })
    .prepare();
  return {
    refTaken: (engagementId: string, ref: string) =>
      refTaken.get({ engagementId, ref }) !== undefined,
    insert: (row: StoredRisk) => insert.run(row),
    /** Replaces a risk's links to AI systems and controls with those its fields name. */
    replaceLinks(riskId: string, fields: Pick<RiskFields, 'aiSystemIds' | 'controlIds'>) {
      dropSystems.run({ riskId });
      dropControls.run({ riskId });
      for (const aiSystemId of new Set(fields.aiSystemIds)) addSystem.run({ riskId, aiSystemId });
      for (const requirementId of new Set(fields.controlIds))
        addControl.run({ riskId, requirementId });
    },
  };
}

export type RiskWriter = ReturnType<typeof riskWriter>;

/** What the audit trail keeps of a risk: its fields and the levels they gave. */
export function auditSnapshot(
  lookups: RiskLookups,
  fields: RiskFields,
  levels: RiskLevels,
  criteriaVersion: number,
) {
  return {
    ...fields,
    aiSystems: fields.aiSystemIds.map((id) => lookups.systems.get(id) ?? id),
    controls: fields.controlIds.map((id) => lookups.controls.get(id) ?? id),
    ...levels,
    criteriaVersion,
  };
}

/**
 * Inserts one risk with its links and its audit row. Runs inside the caller's transaction, so an
 * import or a demo seed of thousands of risks commits once.
 */
export function insertRisk(
  ctx: CoreContext,
  writer: RiskWriter,
  now: string,
  lookups: RiskLookups,
  criteria: CurrentCriteria,
  fields: RiskFields,
  ref: string,
): string {
  checkRiskReferences(lookups, fields);
  const levels = rateRisk(criteria.rules, fields);
  const id = ctx.newId();
  if (writer.refTaken(lookups.engagementId, ref))
    throw conflict(`A risk with the reference ${ref} already exists in this engagement.`);
  writer.insert({
    id,
    engagementId: lookups.engagementId,
    ref,
    ...riskColumns(fields, levels, criteria.version),
    createdAt: now,
    updatedAt: now,
    updatedBy: ctx.actor(),
  });
  writer.replaceLinks(id, fields);
  audit(ctx, now, {
    action: 'risk.create',
    entityType: 'risk',
    entityId: id,
    scopeId: lookups.engagementId,
    after: { ref, ...auditSnapshot(lookups, fields, levels, criteria.version) },
  });
  return id;
}
