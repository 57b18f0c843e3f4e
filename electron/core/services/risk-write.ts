import type { ParsedInput } from '../../../shared/contracts';
import { rate, type RiskCriteriaRules } from '../../../shared/rules/risk-levels';
import { audit, type CoreContext } from '../context';
import { conflict, invalid } from '../errors';
import type { CurrentCriteria } from './risk-criteria';
import { checkRiskReferences, type RiskLookups } from './risk-lookups';

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

export function nextRefNumber(ctx: CoreContext, engagementId: string): number {
  const row = ctx.store.sqlite
    .prepare(
      `SELECT max(CAST(substr(ref, 3) AS INTEGER)) AS n FROM risks
       WHERE engagement_id = ? AND ref GLOB 'R-[0-9]*'`,
    )
    .get(engagementId) as { n: number | null };
  return (row.n ?? 0) + 1;
}

export const formatRef = (n: number) => `R-${String(n).padStart(3, '0')}`;

export function replaceLinks(ctx: CoreContext, riskId: string, fields: RiskFields): void {
  const sqlite = ctx.store.sqlite;
  sqlite.prepare('DELETE FROM risk_ai_systems WHERE risk_id = ?').run(riskId);
  sqlite.prepare('DELETE FROM risk_controls WHERE risk_id = ?').run(riskId);
  const addSystem = sqlite.prepare(
    'INSERT INTO risk_ai_systems (risk_id, ai_system_id) VALUES (?, ?)',
  );
  const addControl = sqlite.prepare(
    'INSERT INTO risk_controls (risk_id, requirement_id) VALUES (?, ?)',
  );
  for (const id of new Set(fields.aiSystemIds)) addSystem.run(riskId, id);
  for (const id of new Set(fields.controlIds)) addControl.run(riskId, id);
}

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
  now: string,
  lookups: RiskLookups,
  criteria: CurrentCriteria,
  fields: RiskFields,
  ref: string,
): string {
  checkRiskReferences(lookups, fields);
  const levels = rateRisk(criteria.rules, fields);
  const id = ctx.newId();
  const sqlite = ctx.store.sqlite;
  if (
    sqlite
      .prepare('SELECT 1 FROM risks WHERE engagement_id = ? AND ref = ?')
      .get(lookups.engagementId, ref)
  ) {
    throw conflict(`A risk with the reference ${ref} already exists in this engagement.`);
  }
  sqlite
    .prepare(
      `INSERT INTO risks (id, engagement_id, ref, title, description, risk_source, objectives_json, likelihood, impact,
         inherent_score, inherent_band, treatment_option, treatment_plan, residual_likelihood, residual_impact,
         residual_score, residual_band, criteria_version, owner, due_date, status, created_at, updated_at, updated_by)
       VALUES (@id, @engagementId, @ref, @title, @description, @riskSource, @objectivesJson, @likelihood, @impact,
         @inherentScore, @inherentBand, @treatmentOption, @treatmentPlan, @residualLikelihood, @residualImpact,
         @residualScore, @residualBand, @criteriaVersion, @owner, @dueDate, @status, @now, @now, @actor)`,
    )
    .run({
      id,
      engagementId: lookups.engagementId,
      ref,
      title: fields.title,
      description: fields.description,
      riskSource: fields.riskSource,
      objectivesJson: JSON.stringify(fields.objectives),
      likelihood: fields.likelihood,
      impact: fields.impact,
      ...levels,
      treatmentOption: fields.treatmentOption,
      treatmentPlan: fields.treatmentPlan,
      residualLikelihood: fields.residualLikelihood,
      residualImpact: fields.residualImpact,
      criteriaVersion: criteria.version,
      owner: fields.owner,
      dueDate: fields.dueDate,
      status: fields.status,
      now,
      actor: ctx.actor(),
    });
  replaceLinks(ctx, id, fields);
  audit(ctx, now, {
    action: 'risk.create',
    entityType: 'risk',
    entityId: id,
    scopeId: lookups.engagementId,
    after: { ref, ...auditSnapshot(lookups, fields, levels, criteria.version) },
  });
  return id;
}
