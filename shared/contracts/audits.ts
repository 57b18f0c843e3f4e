import { z } from 'zod';
import { auditStatuses, coverageStates } from '../rules/audit-programme';
import { dateSchema, idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

const auditorSchema = z.object({
  name: requiredText(200),
  owns: z.array(textField(40)).max(100).default([]),
});

export const programmeSchema = z.object({
  id: idSchema,
  engagementId: idSchema,
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  objectives: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type AuditProgramme = z.infer<typeof programmeSchema>;

export const internalAuditSchema = z.object({
  id: idSchema,
  programmeId: idSchema,
  title: z.string(),
  scope: z.string(),
  criteria: z.string(),
  plannedOn: z.string().nullable(),
  heldFrom: z.string().nullable(),
  heldTo: z.string().nullable(),
  status: z.enum(auditStatuses),
  auditors: z.array(z.object({ name: z.string(), owns: z.array(z.string()) })),
  auditees: z.array(z.string()),
  requirementIds: z.array(z.string()),
  /** The refs of the requirements covered, in catalog order. */
  refs: z.array(z.string()),
  /** Auditors who would audit an area they own (the independence check). */
  independence: z.array(z.object({ auditor: z.string(), refs: z.array(z.string()) })),
  conclusion: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type InternalAudit = z.infer<typeof internalAuditSchema>;

const coverageRowSchema = z.object({
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
  annex: z.boolean(),
  applicable: z.boolean(),
  state: z.enum(coverageStates),
  audited: z.array(z.object({ id: idSchema, title: z.string(), on: z.string().nullable() })),
  planned: z.array(z.object({ id: idSchema, title: z.string(), on: z.string().nullable() })),
});

export const coverageSchema = z.object({
  programme: programmeSchema,
  rows: z.array(coverageRowSchema),
  summary: z.record(z.enum(coverageStates), z.number().int()),
});
export type ProgrammeCoverage = z.infer<typeof coverageSchema>;

const programmeFields = {
  title: requiredText(300),
  periodStart: dateSchema,
  periodEnd: dateSchema,
  objectives: textField(20_000).default(''),
};
const periodInOrder = (v: { periodStart: string; periodEnd: string }) =>
  v.periodStart <= v.periodEnd;
const periodMessage = { message: 'must not be before the start', path: ['periodEnd'] };

const auditFields = {
  title: requiredText(300),
  scope: textField(20_000).default(''),
  criteria: textField(20_000).default(''),
  plannedOn: dateSchema.nullable().default(null),
  heldFrom: dateSchema.nullable().default(null),
  heldTo: dateSchema.nullable().default(null),
  status: z.enum(auditStatuses).default('planned'),
  auditors: z.array(auditorSchema).max(50).default([]),
  auditees: z.array(requiredText(200)).max(200).default([]),
  requirementIds: z.array(z.string().min(1).max(200)).max(500).default([]),
  conclusion: textField(20_000).default(''),
};
export type InternalAuditInput = z.input<z.ZodObject<typeof auditFields>>;

export const auditContracts = {
  'audits.programmes': defineCommand({
    name: 'audits.programmes',
    summary: 'The internal audit programmes of an engagement, newest period first.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.array(programmeSchema),
    mutates: false,
  }),
  'audits.saveProgramme': defineCommand({
    name: 'audits.saveProgramme',
    summary: 'Create (no id) or change an internal audit programme: title, period, objectives.',
    input: z
      .strictObject({ id: idSchema.optional(), engagementId: idSchema, ...programmeFields })
      .refine(periodInOrder, periodMessage),
    output: programmeSchema,
    mutates: true,
  }),
  'audits.list': defineCommand({
    name: 'audits.list',
    summary: 'The internal audits of a programme with their independence check.',
    input: z.strictObject({ programmeId: idSchema }),
    output: z.array(internalAuditSchema),
    mutates: false,
  }),
  'audits.save': defineCommand({
    name: 'audits.save',
    summary:
      'Create (no id) or change an internal audit: scope, criteria, dates, auditors and what they own, auditees, the requirements covered, status, conclusion.',
    input: z.strictObject({ id: idSchema.optional(), programmeId: idSchema, ...auditFields }),
    output: internalAuditSchema,
    mutates: true,
  }),
  'audits.delete': defineCommand({
    name: 'audits.delete',
    summary: 'Delete an internal audit that was never held (planned or cancelled).',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
  'audits.coverage': defineCommand({
    name: 'audits.coverage',
    summary:
      'The coverage map of a programme: each clause requirement and applicable control, audited when, planned, or not yet covered.',
    input: z.strictObject({ programmeId: idSchema }),
    output: coverageSchema,
    mutates: false,
  }),
};
