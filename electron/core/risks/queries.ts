import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Risk, RiskHistoryEntry } from '../../../shared/contracts/risks';
import { compareRefs } from '../../../shared/rules/refs';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { notFound } from '../errors';

const { risks, riskAiSystems, aiSystems, riskControls, requirements, auditLog } = schema;

type RiskRow = typeof risks.$inferSelect;

const objectiveIds = z.array(z.string());

/** Register order: R-2 before R-10 (by length, then text), as the refs are numbered. */
const registerOrder = [asc(sql`length(${risks.ref})`), asc(risks.ref)];

/** System names in the default locale's order (one collator, not one per comparison). */
const systemNameOrder = new Intl.Collator();

/** Pairs [id, label] grouped by risk id, each group sorted by its label. */
function grouped(
  rows: { riskId: string; id: string; label: string }[],
  compare: (a: string, b: string) => number,
): Map<string, { id: string; label: string }[]> {
  const byRisk = new Map<string, { id: string; label: string }[]>();
  for (const { riskId, ...pair } of rows) {
    const list = byRisk.get(riskId);
    if (list) list.push(pair);
    else byRisk.set(riskId, [pair]);
  }
  for (const list of byRisk.values())
    if (list.length > 1) list.sort((a, b) => compare(a.label, b.label));
  return byRisk;
}

/**
 * The risks a filter selects, with their linked systems and controls: one query per table (three
 * in all), grouped in memory, so 10,000 risks cost one pass over each table, not a query a row.
 */
function selectRisks(ctx: CoreContext, where: SQL | undefined, limit?: number): Risk[] {
  const { db } = ctx.store;
  const query = db
    .select()
    .from(risks)
    .where(where)
    .orderBy(...registerOrder);
  const rows = limit === undefined ? query.all() : query.limit(limit).all();
  if (rows.length === 0) return [];
  // The first rows of a register join only their own links, not the whole register's.
  const filter =
    limit === undefined
      ? where
      : inArray(
          risks.id,
          rows.map((r) => r.id),
        );
  const systems = grouped(
    db
      .select({ riskId: riskAiSystems.riskId, id: aiSystems.id, label: aiSystems.name })
      .from(riskAiSystems)
      .innerJoin(aiSystems, eq(aiSystems.id, riskAiSystems.aiSystemId))
      .innerJoin(risks, eq(risks.id, riskAiSystems.riskId))
      .where(filter)
      .all(),
    systemNameOrder.compare,
  );
  const controls = grouped(
    db
      .select({ riskId: riskControls.riskId, id: requirements.id, label: requirements.ref })
      .from(riskControls)
      .innerJoin(requirements, eq(requirements.id, riskControls.requirementId))
      .innerJoin(risks, eq(risks.id, riskControls.riskId))
      .where(filter)
      .all(),
    compareRefs,
  );
  return rows.map((row) => toRisk(row, systems.get(row.id) ?? [], controls.get(row.id) ?? []));
}

function toRisk(
  row: RiskRow,
  systems: { id: string; label: string }[],
  controls: { id: string; label: string }[],
): Risk {
  const { objectivesJson, ...rest } = row;
  return {
    ...rest,
    objectives: readJson(objectiveIds, objectivesJson, 'risks.objectives_json'),
    aiSystemIds: systems.map((s) => s.id),
    aiSystemNames: systems.map((s) => s.label),
    controlIds: controls.map((c) => c.id),
    controlRefs: controls.map((c) => c.label),
  };
}

/** An engagement's register in register order: all of it, or its first `limit` risks. */
export function listRisks(ctx: CoreContext, engagementId: string, limit?: number): Risk[] {
  return selectRisks(ctx, eq(risks.engagementId, engagementId), limit);
}

/** The given risks with their systems and controls, in the order of `ids` (unknown ids skipped). */
export function risksByIds(ctx: CoreContext, ids: string[]): Risk[] {
  if (ids.length === 0) return [];
  const found = new Map(selectRisks(ctx, inArray(risks.id, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => found.get(id) ?? []);
}

export function findRisk(ctx: CoreContext, id: string): Risk {
  const [risk] = selectRisks(ctx, eq(risks.id, id));
  if (!risk) throw notFound('Risk', id);
  return risk;
}

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

const snapshot = z.record(z.string(), z.unknown());

/** A risk's history from the audit trail: who changed which field from what to what. */
export function riskHistory(ctx: CoreContext, id: string): RiskHistoryEntry[] {
  const rows = ctx.store.db
    .select({
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      beforeJson: auditLog.beforeJson,
      afterJson: auditLog.afterJson,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'risk'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.seq))
    .all();
  return rows.map((row) => {
    const before = row.beforeJson
      ? readJson(snapshot, row.beforeJson, 'audit_log.before_json')
      : null;
    const after = row.afterJson ? readJson(snapshot, row.afterJson, 'audit_log.after_json') : {};
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
  const rows = ctx.store.db
    .select({
      requirementId: riskControls.requirementId,
      riskId: risks.id,
      ref: risks.ref,
      title: risks.title,
    })
    .from(riskControls)
    .innerJoin(risks, eq(risks.id, riskControls.riskId))
    .where(eq(risks.engagementId, engagementId))
    .orderBy(...registerOrder)
    .all();
  const map = new Map<string, ControlJustification[]>();
  for (const { requirementId, ...risk } of rows) {
    const list = map.get(requirementId) ?? [];
    list.push(risk);
    map.set(requirementId, list);
  }
  return map;
}
