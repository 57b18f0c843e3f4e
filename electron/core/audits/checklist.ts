import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import type {
  AuditChecklist,
  AuditFinding,
  ChecklistAnswer,
  ChecklistLine,
} from '../../../shared/contracts/audit-checklist';
import { checklistProgress } from '../../../shared/rules/audit-checklist';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { getAudit, getProgramme } from './queries';

const {
  assessments,
  auditChecklistEvidence,
  auditChecklistItems,
  correctiveActions,
  evidenceItems,
  findings,
  interviewQuestions,
  requirements,
} = schema;

/** Findings raised by checklist lines, with their assessment and corrective action. */
function auditFindings(ctx: CoreContext, findingIds: string[]): Map<string, AuditFinding> {
  if (findingIds.length === 0) return new Map();
  const rows = ctx.store.db
    .select({
      id: findings.id,
      ref: findings.ref,
      grade: findings.grade,
      status: findings.status,
      statement: findings.statement,
      assessmentId: findings.assessmentId,
      assessmentTitle: assessments.title,
      requirementRef: requirements.ref,
      actionStatus: correctiveActions.status,
      actionOwner: correctiveActions.owner,
      actionDue: correctiveActions.dueDate,
    })
    .from(findings)
    .innerJoin(assessments, eq(assessments.id, findings.assessmentId))
    .innerJoin(requirements, eq(requirements.id, findings.requirementId))
    .leftJoin(correctiveActions, eq(correctiveActions.findingId, findings.id))
    .where(inArray(findings.id, findingIds))
    .all();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Where a nonconformity found by an audit of the engagement goes: the newest ISO/IEC 42001
 * assessment that is not final (a final one is read-only; the next cycle takes new findings).
 */
export function currentAssessment(ctx: CoreContext, engagementId: string) {
  return (
    ctx.store.db
      .select({ id: assessments.id, title: assessments.title })
      .from(assessments)
      .where(
        and(
          eq(assessments.engagementId, engagementId),
          eq(assessments.frameworkId, DEFAULT_FRAMEWORK_ID),
          ne(assessments.status, 'final'),
        ),
      )
      .orderBy(desc(assessments.createdAt))
      .get() ?? null
  );
}

/** The answered lines of an audit, by requirement id. */
function answersOf(ctx: CoreContext, auditId: string): Map<string, ChecklistAnswer> {
  const { db } = ctx.store;
  const items = db
    .select()
    .from(auditChecklistItems)
    .where(eq(auditChecklistItems.auditId, auditId))
    .all();
  const evidence = db
    .select({
      itemId: auditChecklistEvidence.itemId,
      id: evidenceItems.id,
      title: evidenceItems.title,
    })
    .from(auditChecklistEvidence)
    .innerJoin(auditChecklistItems, eq(auditChecklistItems.id, auditChecklistEvidence.itemId))
    .innerJoin(evidenceItems, eq(evidenceItems.id, auditChecklistEvidence.evidenceId))
    .where(eq(auditChecklistItems.auditId, auditId))
    .orderBy(asc(evidenceItems.title))
    .all();
  const raised = auditFindings(
    ctx,
    items.flatMap((i) => (i.findingId ? [i.findingId] : [])),
  );
  return new Map(
    items.map((i) => [
      i.requirementId,
      {
        verdict: i.verdict,
        grade: i.grade,
        notes: i.notes,
        evidence: evidence.filter((e) => e.itemId === i.id).map(({ id, title }) => ({ id, title })),
        finding: (i.findingId && raised.get(i.findingId)) || null,
        updatedAt: i.updatedAt,
        updatedBy: i.updatedBy,
      },
    ]),
  );
}

/** The question bank's prompts, operating-effectiveness (stage 2) ones first, then by position. */
function promptsOf(ctx: CoreContext, requirementIds: string[]) {
  const rows =
    requirementIds.length === 0
      ? []
      : ctx.store.db
          .select({
            requirementId: interviewQuestions.requirementId,
            text: interviewQuestions.text,
            probe: interviewQuestions.probe,
            stage: interviewQuestions.stage,
          })
          .from(interviewQuestions)
          .where(inArray(interviewQuestions.requirementId, requirementIds))
          .orderBy(desc(interviewQuestions.stage), asc(interviewQuestions.position))
          .all();
  const byRequirement = new Map<string, { text: string; probe: string | null }[]>();
  for (const { requirementId, text, probe } of rows) {
    const list = byRequirement.get(requirementId) ?? [];
    list.push({ text, probe });
    byRequirement.set(requirementId, list);
  }
  return byRequirement;
}

/**
 * One line of an audit's checklist (the answer of a requirement, with its prompts); an unanswered
 * requirement the audit no longer covers comes back as a bare, unanswered line.
 */
export function checklistLine(ctx: CoreContext, auditId: string, requirementId: string) {
  const line = auditChecklist(ctx, auditId).lines.find((l) => l.requirementId === requirementId);
  const requirement = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID).byId.get(requirementId);
  return (
    line ?? {
      requirementId,
      ref: requirement?.ref ?? requirementId,
      title: requirement?.title ?? '',
      questions: [],
      answer: null,
    }
  );
}

/**
 * The checklist of an audit: one line per requirement it covers, in catalog order, each with the
 * question bank's prompts and the answer recorded. A line answered for a requirement the audit no
 * longer covers stays listed (at the end): nothing recorded disappears from view.
 */
export function auditChecklist(ctx: CoreContext, auditId: string): AuditChecklist {
  const audit = getAudit(ctx, auditId);
  const programme = getProgramme(ctx, audit.programmeId);
  const answers = answersOf(ctx, auditId);
  const index = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID);
  const covered = new Set(audit.requirementIds);
  const ids = [
    ...index.assessable.filter((r) => covered.has(r.id)).map((r) => r.id),
    ...[...answers.keys()].filter((id) => !covered.has(id)),
  ];
  const prompts = promptsOf(ctx, ids);
  const lines: ChecklistLine[] = ids.map((id) => {
    const requirement = index.byId.get(id);
    return {
      requirementId: id,
      ref: requirement?.ref ?? id,
      title: requirement?.title ?? '',
      questions: prompts.get(id) ?? [],
      answer: answers.get(id) ?? null,
    };
  });
  return {
    audit,
    lines,
    progress: checklistProgress(lines.map((l) => l.answer?.verdict ?? null)),
    findings: lines.flatMap((l) => (l.answer?.finding ? [l.answer.finding] : [])),
    currentAssessment: currentAssessment(ctx, programme.engagementId),
  };
}
