import { z } from 'zod';
import { findingGrades, findingStatuses } from '../domain/assessment';
import { checklistVerdicts, nonconformityGrades } from '../rules/audit-checklist';
import { actionStatuses } from '../rules/corrective-actions';
import { idSchema, textField } from './common';
import { defineCommand } from './define';
import { internalAuditSchema } from './audits';

/** The finding a nonconformity raised, with the state of its corrective action. */
export const auditFindingSchema = z.object({
  id: idSchema,
  ref: z.string(),
  grade: z.enum(findingGrades),
  status: z.enum(findingStatuses),
  statement: z.string(),
  assessmentId: idSchema,
  assessmentTitle: z.string(),
  requirementRef: z.string(),
  /** The corrective action's status; null while none is raised. */
  actionStatus: z.enum(actionStatuses).nullable(),
  actionOwner: z.string().nullable(),
  actionDue: z.string().nullable(),
});
export type AuditFinding = z.infer<typeof auditFindingSchema>;

export const checklistAnswerSchema = z.object({
  verdict: z.enum(checklistVerdicts),
  grade: z.enum(nonconformityGrades).nullable(),
  notes: z.string(),
  evidence: z.array(z.object({ id: idSchema, title: z.string() })),
  finding: auditFindingSchema.nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

export const checklistLineSchema = z.object({
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
  /** The question bank's prompts for the requirement; operating-effectiveness ones first. */
  questions: z.array(z.object({ text: z.string(), probe: z.string().nullable() })),
  answer: checklistAnswerSchema.nullable(),
});
export type ChecklistLine = z.infer<typeof checklistLineSchema>;

export const checklistSchema = z.object({
  audit: internalAuditSchema,
  lines: z.array(checklistLineSchema),
  progress: z.object({
    total: z.number().int(),
    answered: z.number().int(),
    counts: z.record(z.enum(checklistVerdicts), z.number().int()),
  }),
  /** Every finding the audit raised, with its action status (the audit's findings view). */
  findings: z.array(auditFindingSchema),
  /** Where a nonconformity goes: the engagement's assessment in progress, if there is one. */
  currentAssessment: z.object({ id: idSchema, title: z.string() }).nullable(),
});
export type AuditChecklist = z.infer<typeof checklistSchema>;

export const auditChecklistContracts = {
  'audits.checklist': defineCommand({
    name: 'audits.checklist',
    summary:
      'The checklist of an internal audit: each requirement it covers with the question bank’s prompts and the answer recorded, its progress, and the findings it raised with their corrective-action status.',
    input: z.strictObject({ auditId: idSchema }),
    output: checklistSchema,
    mutates: false,
  }),
  'audits.answer': defineCommand({
    name: 'audits.answer',
    summary:
      'Record a checklist line: conformity, nonconformity (raises a finding in the current assessment, tagged with the audit, in the same transaction), observation or not audited, with notes and the evidence looked at.',
    input: z.strictObject({
      auditId: idSchema,
      requirementId: z.string().min(1).max(200),
      verdict: z.enum(checklistVerdicts),
      grade: z.enum(nonconformityGrades).nullable().default(null),
      notes: textField(20_000).default(''),
      evidenceIds: z.array(idSchema).max(100).default([]),
    }),
    output: checklistLineSchema,
    mutates: true,
  }),
  'audits.clearAnswer': defineCommand({
    name: 'audits.clearAnswer',
    summary:
      'Take a checklist line back to unanswered (refused once its nonconformity raised a finding).',
    input: z.strictObject({ auditId: idSchema, requirementId: z.string().min(1).max(200) }),
    output: checklistLineSchema,
    mutates: true,
  }),
};
