import type { Risk, RiskHistoryEntry } from '../../../shared/contracts/risks';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { compareRefs } from './risk-lookups';

interface RiskRow extends Omit<
  Risk,
  'objectives' | 'aiSystemIds' | 'aiSystemNames' | 'controlIds' | 'controlRefs'
> {
  objectivesJson: string;
  systemsJson: string | null;
  controlsJson: string | null;
}

/**
 * One query for the whole register: the links are aggregated per risk in two grouped subqueries,
 * so 10,000 risks cost one pass over each table instead of a query per row.
 */
function selectRisks(filter: 'engagement_id = @key' | 'id = @key'): string {
  return `
  SELECT r.id, r.engagement_id AS engagementId, r.ref, r.title, r.description, r.risk_source AS riskSource,
    r.objectives_json AS objectivesJson, r.likelihood, r.impact, r.inherent_score AS inherentScore,
    r.inherent_band AS inherentBand, r.treatment_option AS treatmentOption, r.treatment_plan AS treatmentPlan,
    r.residual_likelihood AS residualLikelihood, r.residual_impact AS residualImpact,
    r.residual_score AS residualScore, r.residual_band AS residualBand, r.criteria_version AS criteriaVersion,
    r.owner, r.due_date AS dueDate, r.status, r.accepted_by AS acceptedBy, r.accepted_at AS acceptedAt,
    r.created_at AS createdAt, r.updated_at AS updatedAt, r.updated_by AS updatedBy,
    sys.systemsJson, ctl.controlsJson
  FROM risks r
  LEFT JOIN (
    SELECT x.risk_id, json_group_array(json_array(s.id, s.name)) AS systemsJson
    FROM risk_ai_systems x JOIN ai_systems s ON s.id = x.ai_system_id JOIN risks r2 ON r2.id = x.risk_id
    WHERE r2.${filter} GROUP BY x.risk_id
  ) sys ON sys.risk_id = r.id
  LEFT JOIN (
    SELECT c.risk_id, json_group_array(json_array(q.id, q.ref)) AS controlsJson
    FROM risk_controls c JOIN requirements q ON q.id = c.requirement_id JOIN risks r2 ON r2.id = c.risk_id
    WHERE r2.${filter} GROUP BY c.risk_id
  ) ctl ON ctl.risk_id = r.id
  WHERE r.${filter}`;
}

function pairs(json: string | null, compare: (a: string, b: string) => number): [string, string][] {
  if (!json) return [];
  const list = JSON.parse(json) as [string, string][];
  return list.length > 1 ? list.sort((a, b) => compare(a[1], b[1])) : list;
}

function toRisk(row: RiskRow): Risk {
  const { objectivesJson, systemsJson, controlsJson, ...rest } = row;
  const systems = pairs(systemsJson, (a, b) => a.localeCompare(b));
  const controls = pairs(controlsJson, compareRefs);
  return {
    ...rest,
    objectives: JSON.parse(objectivesJson) as string[],
    aiSystemIds: systems.map((s) => s[0]),
    aiSystemNames: systems.map((s) => s[1]),
    controlIds: controls.map((c) => c[0]),
    controlRefs: controls.map((c) => c[1]),
  };
}

export function listRisks(ctx: CoreContext, engagementId: string): Risk[] {
  const rows = ctx.store.sqlite
    .prepare(`${selectRisks('engagement_id = @key')} ORDER BY length(r.ref), r.ref`)
    .all({ key: engagementId }) as RiskRow[];
  return rows.map(toRisk);
}

export function findRisk(ctx: CoreContext, id: string): Risk {
  const row = ctx.store.sqlite.prepare(selectRisks('id = @key')).get({ key: id }) as
    RiskRow | undefined;
  if (!row) throw notFound('Risk', id);
  return toRisk(row);
}

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** A risk's history from the audit trail: who changed which field from what to what. */
export function riskHistory(ctx: CoreContext, id: string): RiskHistoryEntry[] {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT at, actor, action, before_json AS beforeJson, after_json AS afterJson
       FROM audit_log WHERE entity_type = 'risk' AND entity_id = ? ORDER BY seq`,
    )
    .all(id) as {
    at: string;
    actor: string;
    action: string;
    beforeJson: string | null;
    afterJson: string | null;
  }[];
  return rows.map((row) => {
    const before = row.beforeJson ? (JSON.parse(row.beforeJson) as Record<string, unknown>) : null;
    const after = row.afterJson ? (JSON.parse(row.afterJson) as Record<string, unknown>) : {};
    const changes = before
      ? Object.keys(after)
          .filter((k) => !k.endsWith('Ids'))
          .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
          .map((field) => ({ field, from: show(before[field]), to: show(after[field]) }))
      : [];
    return { at: row.at, actor: row.actor, action: row.action, changes };
  });
}

export interface ControlJustification {
  riskId: string;
  ref: string;
  title: string;
}

/** For the SoA: each control requirement id → the risks whose treatment relies on it. */
export function controlJustifications(
  ctx: CoreContext,
  engagementId: string,
): Map<string, ControlJustification[]> {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT c.requirement_id AS requirementId, r.id AS riskId, r.ref, r.title
       FROM risk_controls c JOIN risks r ON r.id = c.risk_id
       WHERE r.engagement_id = ? ORDER BY length(r.ref), r.ref`,
    )
    .all(engagementId) as (ControlJustification & { requirementId: string })[];
  const map = new Map<string, ControlJustification[]>();
  for (const { requirementId, ...risk } of rows) {
    const list = map.get(requirementId) ?? [];
    list.push(risk);
    map.set(requirementId, list);
  }
  return map;
}
