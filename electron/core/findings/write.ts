import { and, count, eq } from 'drizzle-orm';
import type { Finding } from '../../../shared/contracts/findings';
import type { ParsedInput } from '../../../shared/contracts';
import { writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { invalid } from '../errors';
import { getFinding } from './queries';

const { findings, auditLog } = schema;

type Fields = Omit<ParsedInput<'findings.create'>, 'assessmentId'>;

function checkRequirement(ctx: CoreContext, frameworkId: string, requirementId: string) {
  if (!requirementIndex(ctx, frameworkId).byId.get(requirementId)?.assessable) {
    throw invalid('requirementId', `is not an assessable requirement of ${frameworkId}`);
  }
}

/**
 * The fields a person edits: the columns written, and what the audit trail records (requirementId
 * included, for per-requirement history).
 */
function editable(f: Fields | Finding) {
  return {
    requirementId: f.requirementId,
    grade: f.grade,
    statement: f.statement,
    evidenceRef: f.evidenceRef,
    recommendation: f.recommendation,
    owner: f.owner,
    dueDate: f.dueDate,
    status: f.status,
  };
}

export function createFinding(ctx: CoreContext, input: ParsedInput<'findings.create'>): Finding {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const assessment = writableAssessment(ctx, input.assessmentId);
    checkRequirement(ctx, assessment.frameworkId, input.requirementId);
    // Counted from the append-only audit trail, so a deleted finding's reference is never reused.
    const raised = ctx.store.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.scopeId, input.assessmentId), eq(auditLog.action, 'finding.create')))
      .get();
    const ref = `F-${String((raised?.n ?? 0) + 1).padStart(3, '0')}`;
    const id = ctx.newId();
    ctx.store.db
      .insert(findings)
      .values({
        id,
        assessmentId: input.assessmentId,
        ref,
        ...editable(input),
        closedAt: input.status === 'closed' ? now : null,
        createdAt: now,
        updatedAt: now,
        updatedBy: ctx.actor(),
      })
      .run();
    audit(ctx, now, {
      action: 'finding.create',
      entityType: 'finding',
      entityId: id,
      scopeId: input.assessmentId,
      after: { ref, ...editable(input) },
    });
    return getFinding(ctx, id);
  });
}

export function updateFinding(ctx: CoreContext, input: ParsedInput<'findings.update'>): Finding {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getFinding(ctx, input.id);
    const assessment = writableAssessment(ctx, before.assessmentId);
    checkRequirement(ctx, assessment.frameworkId, input.requirementId);
    const closedAt = input.status === 'closed' ? (before.closedAt ?? now) : null;
    ctx.store.db
      .update(findings)
      .set({ ...editable(input), closedAt, updatedAt: now, updatedBy: ctx.actor() })
      .where(eq(findings.id, input.id))
      .run();
    audit(ctx, now, {
      action: 'finding.update',
      entityType: 'finding',
      entityId: input.id,
      scopeId: before.assessmentId,
      before: { ref: before.ref, ...editable(before) },
      after: { ref: before.ref, ...editable(input) },
    });
    return getFinding(ctx, input.id);
  });
}

export function deleteFinding(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getFinding(ctx, id);
    writableAssessment(ctx, before.assessmentId);
    ctx.store.db.delete(findings).where(eq(findings.id, id)).run();
    audit(ctx, now, {
      action: 'finding.delete',
      entityType: 'finding',
      entityId: id,
      scopeId: before.assessmentId,
      before: { ref: before.ref, ...editable(before) },
    });
  });
  return { ok: true };
}
