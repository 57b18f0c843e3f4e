import type { Finding } from '../../../shared/contracts/findings';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { invalid, notFound } from '../errors';
import { writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';

const SELECT = `SELECT f.id, f.assessment_id AS assessmentId, f.ref, f.requirement_id AS requirementId,
  r.ref AS requirementRef, r.title AS requirementTitle, f.grade, f.statement, f.evidence_ref AS evidenceRef,
  f.recommendation, f.owner, f.due_date AS dueDate, f.status, f.closed_at AS closedAt,
  f.created_at AS createdAt, f.updated_at AS updatedAt, f.updated_by AS updatedBy
  FROM findings f JOIN requirements r ON r.id = f.requirement_id`;

export function listFindings(ctx: CoreContext, assessmentId: string): Finding[] {
  return ctx.store.sqlite
    .prepare(`${SELECT} WHERE f.assessment_id = ? ORDER BY length(f.ref), f.ref`)
    .all(assessmentId) as Finding[];
}

export function getFinding(ctx: CoreContext, id: string): Finding {
  const found = ctx.store.sqlite.prepare(`${SELECT} WHERE f.id = ?`).get(id) as Finding | undefined;
  if (!found) throw notFound('Finding', id);
  return found;
}

type Fields = Omit<ParsedInput<'findings.create'>, 'assessmentId'>;

function checkRequirement(ctx: CoreContext, frameworkId: string, requirementId: string) {
  if (!requirementIndex(ctx, frameworkId).byId.get(requirementId)?.assessable) {
    throw invalid('requirementId', `is not an assessable requirement of ${frameworkId}`);
  }
}

/** The fields recorded in the audit trail (requirementId included, for per-requirement history). */
function auditView(f: Fields | Finding) {
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
    const raised = ctx.store.sqlite
      .prepare(
        `SELECT count(*) AS n FROM audit_log WHERE scope_id = ? AND action = 'finding.create'`,
      )
      .get(input.assessmentId) as { n: number };
    const ref = `F-${String(raised.n + 1).padStart(3, '0')}`;
    const id = ctx.newId();
    ctx.store.sqlite
      .prepare(
        `INSERT INTO findings (id, assessment_id, requirement_id, ref, grade, statement, evidence_ref, recommendation, owner, due_date, status, closed_at, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.assessmentId,
        input.requirementId,
        ref,
        input.grade,
        input.statement,
        input.evidenceRef,
        input.recommendation,
        input.owner,
        input.dueDate,
        input.status,
        input.status === 'closed' ? now : null,
        now,
        now,
        ctx.actor(),
      );
    audit(ctx, now, {
      action: 'finding.create',
      entityType: 'finding',
      entityId: id,
      scopeId: input.assessmentId,
      after: { ref, ...auditView(input) },
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
    ctx.store.sqlite
      .prepare(
        `UPDATE findings SET requirement_id = ?, grade = ?, statement = ?, evidence_ref = ?, recommendation = ?, owner = ?,
           due_date = ?, status = ?, closed_at = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(
        input.requirementId,
        input.grade,
        input.statement,
        input.evidenceRef,
        input.recommendation,
        input.owner,
        input.dueDate,
        input.status,
        closedAt,
        now,
        ctx.actor(),
        input.id,
      );
    audit(ctx, now, {
      action: 'finding.update',
      entityType: 'finding',
      entityId: input.id,
      scopeId: before.assessmentId,
      before: { ref: before.ref, ...auditView(before) },
      after: { ref: before.ref, ...auditView(input) },
    });
    return getFinding(ctx, input.id);
  });
}

export function deleteFinding(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getFinding(ctx, id);
    writableAssessment(ctx, before.assessmentId);
    ctx.store.sqlite.prepare('DELETE FROM findings WHERE id = ?').run(id);
    audit(ctx, now, {
      action: 'finding.delete',
      entityType: 'finding',
      entityId: id,
      scopeId: before.assessmentId,
      before: { ref: before.ref, ...auditView(before) },
    });
  });
  return { ok: true };
}
