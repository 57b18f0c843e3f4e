import { z } from 'zod';
import { findingGrades, findingStatuses } from '../domain/assessment';
import { actionStatuses, causeCategories, rootCauseMethods } from '../rules/corrective-actions';
import { dateSchema, idSchema, requiredText, textField } from './common';
import { defineCommand } from './define';

export const correctiveActionSchema = z.object({
  id: idSchema,
  engagementId: idSchema,
  findingId: idSchema,
  /** The finding it answers, wherever (in whichever cycle) it was raised. */
  finding: z.object({
    ref: z.string(),
    grade: z.enum(findingGrades),
    statement: z.string(),
    status: z.enum(findingStatuses),
    closedAt: z.string().nullable(),
    assessmentId: idSchema,
    assessmentTitle: z.string(),
    requirementRef: z.string(),
    requirementTitle: z.string(),
  }),
  correction: z.string(),
  rootCauseMethod: z.enum(rootCauseMethods).nullable(),
  whys: z.array(z.string()),
  causeCategories: z.array(z.enum(causeCategories)),
  rootCause: z.string(),
  action: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  completedOn: z.string().nullable(),
  completionEvidence: z.string(),
  status: z.enum(actionStatuses),
  reviewedOn: z.string().nullable(),
  reviewer: z.string(),
  effective: z.boolean().nullable(),
  reviewNotes: z.string(),
  acceptedReason: z.string(),
  acceptedBy: z.string(),
  acceptedOn: z.string().nullable(),
  /** Days past the due date today for an action still to carry out; 0 otherwise. */
  daysOverdue: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;

/** A nonconformity still open with no corrective action yet: what the register asks for next. */
export const findingWithoutActionSchema = z.object({
  findingId: idSchema,
  ref: z.string(),
  grade: z.enum(findingGrades),
  statement: z.string(),
  assessmentId: idSchema,
  assessmentTitle: z.string(),
  requirementRef: z.string(),
  dueDate: z.string().nullable(),
});
export type FindingWithoutAction = z.infer<typeof findingWithoutActionSchema>;

export const actionPlanFields = {
  correction: textField(20_000).default(''),
  rootCauseMethod: z.enum(rootCauseMethods).nullable().default(null),
  whys: z.array(textField(2_000)).max(5).default([]),
  causeCategories: z.array(z.enum(causeCategories)).max(causeCategories.length).default([]),
  rootCause: textField(20_000).default(''),
  action: textField(20_000).default(''),
  owner: textField(200).default(''),
  dueDate: dateSchema.nullable().default(null),
  completedOn: dateSchema.nullable().default(null),
  completionEvidence: textField(20_000).default(''),
};
export type ActionPlanInput = z.input<z.ZodObject<typeof actionPlanFields>>;

const sheet = z.object({ fileName: z.string(), rows: z.number().int() });

export const correctiveActionContracts = {
  'correctiveActions.list': defineCommand({
    name: 'correctiveActions.list',
    summary:
      'The corrective-action register of an engagement (every cycle), and its open nonconformities that have no action yet.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.object({
      actions: z.array(correctiveActionSchema),
      withoutAction: z.array(findingWithoutActionSchema),
    }),
    mutates: false,
  }),
  'correctiveActions.get': defineCommand({
    name: 'correctiveActions.get',
    summary: "A finding's corrective action, or null when it has none yet.",
    input: z.strictObject({ findingId: idSchema }),
    output: correctiveActionSchema.nullable(),
    mutates: false,
  }),
  'correctiveActions.save': defineCommand({
    name: 'correctiveActions.save',
    summary:
      'Create or change the corrective action of a finding: correction, root cause, action, owner, due date, completion. A completed action waits for its effectiveness review.',
    input: z.strictObject({ findingId: idSchema, ...actionPlanFields }),
    output: correctiveActionSchema,
    mutates: true,
  }),
  'correctiveActions.review': defineCommand({
    name: 'correctiveActions.review',
    summary:
      'Record the effectiveness review of a completed action. Effective closes the finding; not effective sends the action back to be carried out again.',
    input: z.strictObject({
      findingId: idSchema,
      reviewedOn: dateSchema,
      reviewer: requiredText(200),
      effective: z.boolean(),
      notes: textField(20_000).default(''),
    }),
    output: correctiveActionSchema,
    mutates: true,
  }),
  'correctiveActions.accept': defineCommand({
    name: 'correctiveActions.accept',
    summary:
      'Close a finding without a verified action by accepting it explicitly, with the reason (recorded with who accepted it and when).',
    input: z.strictObject({ findingId: idSchema, reason: requiredText(20_000) }),
    output: correctiveActionSchema,
    mutates: true,
  }),
  'correctiveActions.reopen': defineCommand({
    name: 'correctiveActions.reopen',
    summary:
      'Reopen a closed finding (it recurred, or the closure was wrong), with the reason; its action goes back to open.',
    input: z.strictObject({ findingId: idSchema, reason: requiredText(20_000) }),
    output: correctiveActionSchema.nullable(),
    mutates: true,
  }),
  'correctiveActions.exportCsv': defineCommand({
    name: 'correctiveActions.exportCsv',
    summary: 'The corrective-action register as CSV text.',
    input: z.strictObject({ engagementId: idSchema }),
    output: sheet.extend({ text: z.string() }),
    mutates: false,
  }),
  'correctiveActions.exportXlsx': defineCommand({
    name: 'correctiveActions.exportXlsx',
    summary: 'The corrective-action register as an XLSX workbook (base64).',
    input: z.strictObject({ engagementId: idSchema }),
    output: sheet.extend({ contentBase64: z.string() }),
    mutates: false,
  }),
  'correctiveActions.exportDocx': defineCommand({
    name: 'correctiveActions.exportDocx',
    summary:
      'The corrective-action register as an editable Word document (base64), in the report’s words and the consultancy’s branding.',
    input: z.strictObject({ engagementId: idSchema }),
    output: sheet.extend({ contentBase64: z.string() }),
    mutates: false,
  }),
};
