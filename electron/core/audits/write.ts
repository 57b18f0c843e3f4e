import { and, eq, isNotNull } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import type { AuditProgramme, InternalAudit } from '../../../shared/contracts/audits';
import { requirementIndex } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { conflict, invalid } from '../errors';
import { requireEngagement } from '../engagements';
import { getAudit, getProgramme } from './queries';

const { auditChecklistItems, auditProgrammes, internalAudits } = schema;

export function saveProgramme(
  ctx: CoreContext,
  input: ParsedInput<'audits.saveProgramme'>,
): AuditProgramme {
  const { id, engagementId, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    requireEngagement(ctx, engagementId);
    if (id) {
      const before = getProgramme(ctx, id);
      if (before.engagementId !== engagementId) {
        throw invalid('engagementId', 'a programme stays with its engagement');
      }
      ctx.store.db
        .update(auditProgrammes)
        .set({ ...fields, updatedAt: now, updatedBy: ctx.actor() })
        .where(eq(auditProgrammes.id, id))
        .run();
      audit(ctx, now, {
        action: 'auditProgramme.update',
        entityType: 'audit-programme',
        entityId: id,
        scopeId: engagementId,
        before,
        after: fields,
      });
      return getProgramme(ctx, id);
    }
    const created = ctx.newId();
    ctx.store.db
      .insert(auditProgrammes)
      .values({
        id: created,
        engagementId,
        ...fields,
        createdAt: now,
        updatedAt: now,
        updatedBy: ctx.actor(),
      })
      .run();
    audit(ctx, now, {
      action: 'auditProgramme.create',
      entityType: 'audit-programme',
      entityId: created,
      scopeId: engagementId,
      after: fields,
    });
    return getProgramme(ctx, created);
  });
}

function checkAudit(ctx: CoreContext, fields: Omit<ParsedInput<'audits.save'>, 'id'>) {
  const index = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID);
  fields.requirementIds.forEach((id, i) => {
    if (!index.byId.get(id)?.assessable) {
      throw invalid(`requirementIds.${i}`, `${id} is not an assessable requirement`);
    }
  });
  if (fields.heldFrom && fields.heldTo && fields.heldTo < fields.heldFrom) {
    throw invalid('heldTo', 'must not be before the first day');
  }
  if (fields.status === 'completed' && !fields.heldFrom) {
    throw invalid('heldFrom', 'a completed audit says when it was held');
  }
  if (fields.status === 'completed' && fields.requirementIds.length === 0) {
    throw invalid('requirementIds', 'a completed audit covers at least one requirement');
  }
}

/** Creates or changes an internal audit; its independence check is computed on every read. */
export function saveAudit(ctx: CoreContext, input: ParsedInput<'audits.save'>): InternalAudit {
  const { id, ...fields } = input;
  checkAudit(ctx, fields);
  const { auditors, auditees, requirementIds, ...plain } = fields;
  const columns = {
    ...plain,
    auditorsJson: writeJson(auditors),
    auditeesJson: writeJson(auditees),
    requirementIdsJson: writeJson([...new Set(requirementIds)]),
  };
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const programme = getProgramme(ctx, fields.programmeId);
    if (id) {
      const before = getAudit(ctx, id);
      if (before.programmeId !== fields.programmeId) {
        throw invalid('programmeId', 'an audit stays in its programme');
      }
      ctx.store.db
        .update(internalAudits)
        .set({ ...columns, updatedAt: now, updatedBy: ctx.actor() })
        .where(eq(internalAudits.id, id))
        .run();
      const after = getAudit(ctx, id);
      audit(ctx, now, {
        action: 'internalAudit.update',
        entityType: 'internal-audit',
        entityId: id,
        scopeId: programme.engagementId,
        before: { ...before, independence: undefined },
        after: { ...after, independence: after.independence },
      });
      return after;
    }
    const created = ctx.newId();
    ctx.store.db
      .insert(internalAudits)
      .values({ id: created, ...columns, createdAt: now, updatedAt: now, updatedBy: ctx.actor() })
      .run();
    const after = getAudit(ctx, created);
    audit(ctx, now, {
      action: 'internalAudit.create',
      entityType: 'internal-audit',
      entityId: created,
      scopeId: programme.engagementId,
      after,
    });
    return after;
  });
}

/** Only an audit never held goes: a held one is a record (cancel it, or keep it). */
export function deleteAudit(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getAudit(ctx, id);
    if (before.status === 'completed' || before.status === 'in-progress') {
      throw conflict(`“${before.title}” was held: it stays on record.`);
    }
    const raised = ctx.store.db
      .select({ id: auditChecklistItems.id })
      .from(auditChecklistItems)
      .where(and(eq(auditChecklistItems.auditId, id), isNotNull(auditChecklistItems.findingId)))
      .get();
    if (raised) {
      throw conflict(`“${before.title}” raised findings: it stays on record with them.`);
    }
    const programme = getProgramme(ctx, before.programmeId);
    ctx.store.db.delete(internalAudits).where(eq(internalAudits.id, id)).run();
    audit(ctx, now, {
      action: 'internalAudit.delete',
      entityType: 'internal-audit',
      entityId: id,
      scopeId: programme.engagementId,
      before,
    });
  });
  return { ok: true };
}
