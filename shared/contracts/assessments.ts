import { z } from 'zod';
import { scopingAnswerSchema, scopingAnswersSchema } from '../catalog/scoping';
import { assessmentStatuses } from '../domain/assessment';
import { dateSchema, idSchema, okOutput, requiredText } from './common';
import { defineCommand } from './define';

export const DEFAULT_FRAMEWORK_ID = 'iso-iec-42001-2023';

/** Top-level areas an assessment can leave out: clauses 4–10 and Annex A areas A.2–A.10. */
const areaRef = z
  .string()
  .regex(/^(?:[4-9]|10|A\.(?:[2-9]|10))$/, 'must be a clause (4–10) or an Annex A area (A.2–A.10)');

const datesInOrder = (v: { plannedStart?: string | null; plannedEnd?: string | null }) =>
  !v.plannedStart || !v.plannedEnd || v.plannedStart <= v.plannedEnd;
const datesMessage = { message: 'must not be before the planned start', path: ['plannedEnd'] };

const editable = {
  title: requiredText(200),
  excludedAreas: z.array(areaRef).max(20).default([]),
  plannedStart: dateSchema.nullable().default(null),
  plannedEnd: dateSchema.nullable().default(null),
};

export const assessmentSchema = z.object({
  id: idSchema,
  engagementId: idSchema,
  clientName: z.string(),
  frameworkId: z.string(),
  title: z.string(),
  status: z.enum(assessmentStatuses),
  excludedAreas: z.array(z.string()),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  lastRequirementId: z.string().nullable(),
  scoping: z.record(z.string(), scopingAnswerSchema),
  progress: z.object({
    assessed: z.number().int(),
    total: z.number().int(),
    flagged: z.number().int(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentContracts = {
  'assessments.list': defineCommand({
    name: 'assessments.list',
    summary: 'Assessments, of one engagement or all, most recently changed first.',
    input: z.strictObject({ engagementId: idSchema.optional() }),
    output: z.array(assessmentSchema),
    mutates: false,
  }),
  'assessments.get': defineCommand({
    name: 'assessments.get',
    summary: 'One assessment with its progress.',
    input: z.strictObject({ id: idSchema }),
    output: assessmentSchema,
    mutates: false,
  }),
  'assessments.create': defineCommand({
    name: 'assessments.create',
    summary: 'Start an assessment of an engagement against a framework.',
    input: z
      .strictObject({
        engagementId: idSchema,
        frameworkId: z.string().min(1).max(100).default(DEFAULT_FRAMEWORK_ID),
        ...editable,
      })
      .refine(datesInOrder, datesMessage),
    output: assessmentSchema,
    mutates: true,
  }),
  'assessments.update': defineCommand({
    name: 'assessments.update',
    summary: 'Rename an assessment, change its scope or planned dates.',
    input: z.strictObject({ id: idSchema, ...editable }).refine(datesInOrder, datesMessage),
    output: assessmentSchema,
    mutates: true,
  }),
  'assessments.setStatus': defineCommand({
    name: 'assessments.setStatus',
    summary:
      'Move an assessment to planned, in progress, in review or final (final makes it read-only).',
    input: z.strictObject({ id: idSchema, status: z.enum(assessmentStatuses) }),
    output: assessmentSchema,
    mutates: true,
  }),
  'assessments.reopen': defineCommand({
    name: 'assessments.reopen',
    summary: 'Reopen a final assessment for changes; the reason is kept in the audit trail.',
    input: z.strictObject({ id: idSchema, reason: requiredText(2000) }),
    output: assessmentSchema,
    mutates: true,
  }),
  'assessments.delete': defineCommand({
    name: 'assessments.delete',
    summary: 'Delete an assessment with its answers, sessions, findings and SoA.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
  'assessments.setPosition': defineCommand({
    name: 'assessments.setPosition',
    summary: 'Remember the requirement the consultant is on, so reopening resumes there.',
    input: z.strictObject({ id: idSchema, requirementId: z.string().min(1).max(200) }),
    output: okOutput,
    mutates: true,
  }),
  'assessments.saveScoping': defineCommand({
    name: 'assessments.saveScoping',
    summary: 'Answers to the once-per-assessment scoping questions.',
    input: z.strictObject({ id: idSchema, answers: scopingAnswersSchema }),
    output: assessmentSchema,
    mutates: true,
  }),
};
