import { z } from 'zod';
import { aiRoles } from '../domain/ai-roles';
import { dateSchema, idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

const engagementFields = {
  clientName: requiredText(200),
  aimsScope: requiredText(20_000),
  aiRoles: z.array(z.enum(aiRoles)).max(aiRoles.length).default([]),
  sites: z.array(requiredText(200)).max(100).default([]),
  leadAssessor: requiredText(200),
  startDate: dateSchema.nullable().default(null),
  endDate: dateSchema.nullable().default(null),
  notes: textField(100_000).default(''),
};

function datesInOrder(v: { startDate?: string | null; endDate?: string | null }) {
  return !v.startDate || !v.endDate || v.startDate <= v.endDate;
}
const datesMessage = { message: 'must not be before the start date', path: ['endDate'] };

export const engagementInputSchema = z
  .strictObject(engagementFields)
  .refine(datesInOrder, datesMessage);

export const engagementSchema = z.object({
  id: idSchema,
  clientName: z.string(),
  aimsScope: z.string(),
  aiRoles: z.array(z.enum(aiRoles)),
  sites: z.array(z.string()),
  leadAssessor: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  assessmentCount: z.number().int(),
});
export type Engagement = z.infer<typeof engagementSchema>;
export type EngagementInput = z.input<typeof engagementInputSchema>;

export const engagementContracts = {
  'engagements.list': defineCommand({
    name: 'engagements.list',
    summary: 'All engagements, most recently changed first.',
    input: z.strictObject({}),
    output: z.array(engagementSchema),
    mutates: false,
  }),
  'engagements.get': defineCommand({
    name: 'engagements.get',
    summary: 'One engagement by id.',
    input: z.strictObject({ id: idSchema }),
    output: engagementSchema,
    mutates: false,
  }),
  'engagements.create': defineCommand({
    name: 'engagements.create',
    summary: 'Create an engagement for a client organisation.',
    input: engagementInputSchema,
    output: engagementSchema,
    mutates: true,
  }),
  'engagements.update': defineCommand({
    name: 'engagements.update',
    summary: 'Change an engagement; every field is replaced.',
    input: z.strictObject({ id: idSchema, ...engagementFields }).refine(datesInOrder, datesMessage),
    output: engagementSchema,
    mutates: true,
  }),
  'engagements.delete': defineCommand({
    name: 'engagements.delete',
    summary: 'Delete an engagement and everything recorded under it.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
};
