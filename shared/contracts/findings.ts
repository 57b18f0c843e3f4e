import { z } from 'zod';
import { findingGrades, findingStatuses } from '../domain/assessment';
import { dateSchema, idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

const fields = {
  requirementId: z.string().min(1).max(200),
  grade: z.enum(findingGrades),
  statement: requiredText(20_000),
  evidenceRef: textField(2_000).default(''),
  recommendation: textField(20_000).default(''),
  owner: textField(200).default(''),
  dueDate: dateSchema.nullable().default(null),
  status: z.enum(findingStatuses).default('open'),
};

export const findingSchema = z.object({
  id: idSchema,
  assessmentId: idSchema,
  ref: z.string(),
  requirementId: z.string(),
  requirementRef: z.string(),
  requirementTitle: z.string(),
  grade: z.enum(findingGrades),
  statement: z.string(),
  evidenceRef: z.string(),
  recommendation: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(findingStatuses),
  closedAt: z.string().nullable(),
  /** The internal audit whose checklist raised it (a nonconformity found by the audit), if any. */
  audit: z.object({ id: idSchema, title: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;
export type FindingInput = z.input<z.ZodObject<typeof fields>>;

export const findingContracts = {
  'findings.list': defineCommand({
    name: 'findings.list',
    summary: 'Findings of an assessment in reference order.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.array(findingSchema),
    mutates: false,
  }),
  'findings.create': defineCommand({
    name: 'findings.create',
    summary: 'Raise a finding against a requirement.',
    input: z.strictObject({ assessmentId: idSchema, ...fields }),
    output: findingSchema,
    mutates: true,
  }),
  'findings.update': defineCommand({
    name: 'findings.update',
    summary: 'Change a finding (grade, statement, owner, due date, status …).',
    input: z.strictObject({ id: idSchema, ...fields }),
    output: findingSchema,
    mutates: true,
  }),
  'findings.delete': defineCommand({
    name: 'findings.delete',
    summary: 'Delete a finding.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
};
