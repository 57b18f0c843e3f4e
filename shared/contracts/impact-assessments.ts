import { z } from 'zod';
import { affectedKinds, impactAreas } from '../domain/risks';
import { dateSchema, idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

const scale = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');

const affectedSchema = z.strictObject({ kind: z.enum(affectedKinds), who: requiredText(300) });
const impactAreaSchema = z.strictObject({ area: z.enum(impactAreas), notes: textField(5_000) });

const fields = {
  affected: z.array(affectedSchema).max(50).default([]),
  impactAreas: z
    .array(impactAreaSchema)
    .max(impactAreas.length)
    .default([])
    .refine((a) => new Set(a.map((x) => x.area)).size === a.length, 'lists an area twice'),
  severity: scale,
  likelihood: scale,
  measuresInPlace: textField(20_000).default(''),
  measuresPlanned: textField(20_000).default(''),
  reviewer: textField(200).default(''),
  reviewedOn: dateSchema.nullable().default(null),
  outcome: textField(5_000).default(''),
  riskIds: z.array(idSchema).max(500).default([]),
};

export const impactAssessmentSchema = z.object({
  id: idSchema,
  aiSystemId: idSchema,
  aiSystemName: z.string(),
  affected: z.array(z.object({ kind: z.enum(affectedKinds), who: z.string() })),
  impactAreas: z.array(z.object({ area: z.enum(impactAreas), notes: z.string() })),
  severity: z.number().int(),
  likelihood: z.number().int(),
  measuresInPlace: z.string(),
  measuresPlanned: z.string(),
  reviewer: z.string(),
  reviewedOn: z.string().nullable(),
  outcome: z.string(),
  riskIds: z.array(z.string()),
  riskRefs: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ImpactAssessment = z.infer<typeof impactAssessmentSchema>;
export const impactAssessmentInputSchema = z.strictObject(fields);
export type ImpactAssessmentInput = z.input<typeof impactAssessmentInputSchema>;

export const impactAssessmentContracts = {
  'impactAssessments.list': defineCommand({
    name: 'impactAssessments.list',
    summary: 'The AI system impact assessments of an engagement (or of one AI system).',
    input: z.strictObject({ engagementId: idSchema, aiSystemId: idSchema.optional() }),
    output: z.array(impactAssessmentSchema),
    mutates: false,
  }),
  'impactAssessments.create': defineCommand({
    name: 'impactAssessments.create',
    summary: 'Record an impact assessment of one AI system.',
    input: z.strictObject({ aiSystemId: idSchema, ...fields }),
    output: impactAssessmentSchema,
    mutates: true,
  }),
  'impactAssessments.update': defineCommand({
    name: 'impactAssessments.update',
    summary: 'Change an impact assessment; every field is replaced.',
    input: z.strictObject({ id: idSchema, ...fields }),
    output: impactAssessmentSchema,
    mutates: true,
  }),
  'impactAssessments.delete': defineCommand({
    name: 'impactAssessments.delete',
    summary: 'Delete an impact assessment.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
};
