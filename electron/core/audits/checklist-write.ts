import { and, eq, inArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import type { ChecklistLine } from '../../../shared/contracts/audit-checklist';
import { checklistAnswerProblems } from '../../../shared/rules/audit-checklist';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { conflict, invalid } from '../errors';
import { createFinding, getFinding } from '../findings';
import { checklistLine, currentAssessment } from './checklist';
import { getAudit, getProgramme } from './queries';

const { auditChecklistEvidence, auditChecklistItems, evidenceItems, internalAudits } = schema;

type Answer = ParsedInput<'audits.answer'>;
const key = (input: { auditId: string; requirementId: string }) => ({
  auditId: input.auditId,
  requirementId: input.requirementId,
});

function itemOf(ctx: CoreContext, auditId: string, requirementId: string) {
  return (
    ctx.store.db
      .select()
      .from(auditChecklistItems)
      .where(
        and(
          eq(auditChecklistItems.auditId, auditId),
          eq(auditChecklistItems.requirementId, requirementId),
        ),
      )
      .get() ?? null
  );
}

/** The evidence looked at must be the engagement's own; titles go into the finding's reference. */
function evidenceTitles(ctx: CoreContext, engagementId: string, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = ctx.store.db
    .select({ id: evidenceItems.id, title: evidenceItems.title })
    .from(evidenceItems)
    .where(and(inArray(evidenceItems.id, unique), eq(evidenceItems.engagementId, engagementId)))
    .all();
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw invalid(`evidenceIds.${missing}`, 'is not evidence of this engagement');
  }
  return rows.map((r) => r.title);
}

/** Raises the nonconformity in the engagement's assessment in progress; refuses if none is. */
function raiseFinding(
  ctx: CoreContext,
  engagementId: string,
  auditTitle: string,
  input: Answer & { grade: 'major' | 'minor' },
  evidence: string[],
) {
  const assessment = currentAssessment(ctx, engagementId);
  if (!assessment) {
    throw conflict(
      'No assessment of this engagement is in progress to log the nonconformity in. Start the next assessment (from the final one) first.',
    );
  }
  return createFinding(ctx, {
    assessmentId: assessment.id,
    requirementId: input.requirementId,
    grade: input.grade,
    statement: input.notes.trim(),
    evidenceRef: [`Internal audit “${auditTitle}”`, ...evidence].join('; ').slice(0, 2_000),
    recommendation: '',
    owner: '',
    dueDate: null,
    status: 'open',
  });
}

/**
 * Records a checklist line. A nonconformity raises its finding in the same transaction; once
 * raised, the finding is the record (graded and edited in the findings log), so the line keeps
 * the verdict until that finding is deleted. A planned audit starts (in progress from today)
 * with its first answer.
 */
export function answerChecklist(ctx: CoreContext, input: Answer): ChecklistLine {
  const problems = Object.entries(checklistAnswerProblems(input));
  const [field, message] = problems[0] ?? [];
  if (field && message) throw invalid(field, message);
  if (input.verdict === 'nonconformity' && !input.grade) {
    throw invalid('grade', 'a nonconformity is major or minor');
  }
  const grade = input.verdict === 'nonconformity' ? input.grade : null;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const subject = getAudit(ctx, input.auditId);
    const { engagementId } = getProgramme(ctx, subject.programmeId);
    if (subject.status === 'cancelled') throw conflict(`“${subject.title}” was cancelled.`);
    const before = itemOf(ctx, input.auditId, input.requirementId);
    if (!before && !subject.requirementIds.includes(input.requirementId)) {
      throw invalid('requirementId', 'is not a requirement this audit covers');
    }
    const raised = before?.findingId ? getFinding(ctx, before.findingId) : null;
    if (raised && input.verdict !== 'nonconformity') {
      throw conflict(
        `${raised.ref} was raised from this nonconformity and is in the findings log: delete it there first to record another verdict.`,
      );
    }
    if (raised && grade !== before?.grade) {
      throw invalid('grade', `${raised.ref} is raised: change its grade in the findings log`);
    }
    const evidence = evidenceTitles(ctx, engagementId, input.evidenceIds);
    const finding =
      raised ??
      (grade
        ? raiseFinding(ctx, engagementId, subject.title, { ...input, grade }, evidence)
        : null);
    const row = {
      verdict: input.verdict,
      grade,
      notes: input.notes,
      findingId: finding?.id ?? null,
      updatedAt: now,
      updatedBy: ctx.actor(),
    };
    const itemId = before?.id ?? ctx.newId();
    const { db } = ctx.store;
    if (before) {
      db.update(auditChecklistItems).set(row).where(eq(auditChecklistItems.id, itemId)).run();
      db.delete(auditChecklistEvidence).where(eq(auditChecklistEvidence.itemId, itemId)).run();
    } else {
      db.insert(auditChecklistItems)
        .values({ ...row, id: itemId, ...key(input), createdAt: now })
        .run();
    }
    for (const evidenceId of new Set(input.evidenceIds)) {
      db.insert(auditChecklistEvidence).values({ itemId, evidenceId }).run();
    }
    if (subject.status === 'planned') {
      db.update(internalAudits)
        .set({
          status: 'in-progress',
          heldFrom: subject.heldFrom ?? now.slice(0, 10),
          updatedAt: now,
        })
        .where(eq(internalAudits.id, subject.id))
        .run();
    }
    audit(ctx, now, {
      action: before ? 'auditChecklist.update' : 'auditChecklist.answer',
      entityType: 'audit-checklist-item',
      entityId: itemId,
      scopeId: engagementId,
      before,
      after: {
        ...row,
        ...key(input),
        evidenceIds: input.evidenceIds,
        findingRef: finding?.ref ?? null,
      },
    });
    return checklistLine(ctx, input.auditId, input.requirementId);
  });
}

/** Takes a line back to unanswered; a line whose nonconformity is in the findings log stays. */
export function clearChecklistAnswer(
  ctx: CoreContext,
  input: ParsedInput<'audits.clearAnswer'>,
): ChecklistLine {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const subject = getAudit(ctx, input.auditId);
    const { engagementId } = getProgramme(ctx, subject.programmeId);
    const before = itemOf(ctx, input.auditId, input.requirementId);
    if (before?.findingId) {
      const raised = getFinding(ctx, before.findingId);
      throw conflict(
        `${raised.ref} was raised from this nonconformity and is in the findings log: delete it there first.`,
      );
    }
    if (before) {
      ctx.store.db.delete(auditChecklistItems).where(eq(auditChecklistItems.id, before.id)).run();
      audit(ctx, now, {
        action: 'auditChecklist.clear',
        entityType: 'audit-checklist-item',
        entityId: before.id,
        scopeId: engagementId,
        before,
      });
    }
    return checklistLine(ctx, input.auditId, input.requirementId);
  });
}
