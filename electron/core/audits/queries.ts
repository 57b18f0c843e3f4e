import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import type { AuditProgramme, InternalAudit } from '../../../shared/contracts/audits';
import { independenceIssues } from '../../../shared/rules/audit-programme';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { notFound } from '../errors';

const { auditProgrammes, internalAudits } = schema;

const auditorsSchema = z.array(z.object({ name: z.string(), owns: z.array(z.string()) }));
const stringsSchema = z.array(z.string());

export function listProgrammes(ctx: CoreContext, engagementId: string): AuditProgramme[] {
  return ctx.store.db
    .select()
    .from(auditProgrammes)
    .where(eq(auditProgrammes.engagementId, engagementId))
    .orderBy(desc(auditProgrammes.periodStart))
    .all();
}

export function getProgramme(ctx: CoreContext, id: string): AuditProgramme {
  const row = ctx.store.db.select().from(auditProgrammes).where(eq(auditProgrammes.id, id)).get();
  if (!row) throw notFound('Audit programme', id);
  return row;
}

type AuditRow = typeof internalAudits.$inferSelect;

/** The refs of requirement ids in catalog order; an id the catalog no longer has is kept as is. */
export function refsOf(ctx: CoreContext, requirementIds: readonly string[]): string[] {
  const index = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID);
  const wanted = new Set(requirementIds);
  const known = index.assessable.filter((r) => wanted.has(r.id)).map((r) => r.ref);
  const unknown = requirementIds.filter((id) => !index.byId.has(id));
  return [...known, ...unknown];
}

function toAudit(ctx: CoreContext, row: AuditRow): InternalAudit {
  const { auditorsJson, auditeesJson, requirementIdsJson, ...rest } = row;
  const auditors = readJson(auditorsSchema, auditorsJson, 'internal_audits.auditors_json');
  const requirementIds = readJson(
    stringsSchema,
    requirementIdsJson,
    'internal_audits.requirement_ids_json',
  );
  const refs = refsOf(ctx, requirementIds);
  return {
    ...rest,
    auditors,
    auditees: readJson(stringsSchema, auditeesJson, 'internal_audits.auditees_json'),
    requirementIds,
    refs,
    independence: independenceIssues(auditors, refs),
  };
}

export function listAudits(ctx: CoreContext, programmeId: string): InternalAudit[] {
  return ctx.store.db
    .select()
    .from(internalAudits)
    .where(eq(internalAudits.programmeId, programmeId))
    .orderBy(asc(internalAudits.plannedOn), asc(internalAudits.createdAt))
    .all()
    .map((row) => toAudit(ctx, row));
}

export function getAudit(ctx: CoreContext, id: string): InternalAudit {
  const row = ctx.store.db.select().from(internalAudits).where(eq(internalAudits.id, id)).get();
  if (!row) throw notFound('Internal audit', id);
  return toAudit(ctx, row);
}
