import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RiskLevel } from '../../../shared/rules/comparison';
import type { CoreContext } from '../context';
import { schema } from '../db';

const { auditLog } = schema;

/** One field of an audit row's `after` JSON, read by SQLite (no parse of the whole row here). */
const field = (path: string) =>
  sql<unknown>`json_extract(${auditLog.afterJson}, ${path})`.mapWith((v: unknown) => v);

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface RiskAt extends RiskLevel {
  ref: string;
  title: string;
}

const LEVEL_ACTIONS = ['risk.create', 'risk.update', 'risk.rerate', 'risk.delete'];

/**
 * Every risk of an engagement as it stood at each of the given times, rebuilt from the audit
 * trail (the register itself keeps only the present). A risk's level is its residual level once
 * treated, its inherent level before. A row this reader does not understand (a format older or
 * newer than it knows) is passed over rather than failing the comparison. SQLite extracts the
 * few fields needed, so a 10,000-risk register is read without parsing each row's JSON here.
 */
export function riskLevelsAt(
  ctx: CoreContext,
  engagementId: string,
  times: readonly string[],
): Map<string, RiskAt>[] {
  const states = times.map(() => new Map<string, RiskAt>());
  const names = new Map<string, { ref: string; title: string }>();
  const latest = times.reduce((a, b) => (a > b ? a : b), '');
  const rows = ctx.store.db
    .select({
      entityId: auditLog.entityId,
      action: auditLog.action,
      at: auditLog.at,
      ref: field('$.ref'),
      title: field('$.title'),
      inherentScore: field('$.inherentScore'),
      inherentBand: field('$.inherentBand'),
      residualScore: field('$.residualScore'),
      residualBand: field('$.residualBand'),
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.scopeId, engagementId),
        eq(auditLog.entityType, 'risk'),
        inArray(auditLog.action, LEVEL_ACTIONS),
        sql`${auditLog.at} <= ${latest}`,
      ),
    )
    .orderBy(asc(auditLog.seq))
    .all();
  for (const row of rows) {
    const later = times.map((t) => row.at <= t);
    if (row.action === 'risk.delete') {
      states.forEach((state, i) => later[i] && state.delete(row.entityId));
      continue;
    }
    const inherentScore = num(row.inherentScore);
    const inherentBand = text(row.inherentBand);
    if (inherentScore === null || inherentBand === null) continue;
    const known = names.get(row.entityId);
    const name = {
      ref: text(row.ref) ?? known?.ref ?? '',
      title: text(row.title) ?? known?.title ?? '',
    };
    names.set(row.entityId, name);
    const residualScore = num(row.residualScore);
    const residualBand = text(row.residualBand);
    const treated = residualScore !== null && residualBand !== null;
    const level: RiskAt = {
      ...name,
      score: treated ? residualScore : inherentScore,
      band: treated ? residualBand : inherentBand,
    };
    states.forEach((state, i) => later[i] && state.set(row.entityId, level));
  }
  return states;
}
