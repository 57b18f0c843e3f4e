import { z } from 'zod';
import { riskStatuses, treatmentOptions } from '../domain/risks';
import { dateSchema, idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

const level = z.number().int().min(1, 'must be 1 or more').max(5, 'must be 5 or less');
const bandSchema = z.strictObject({
  name: requiredText(40),
  minScore: z.number().int().min(1).max(25),
});

const criteriaFields = {
  likelihoodLevels: z.number().int().min(3, 'must be 3 to 5').max(5, 'must be 3 to 5'),
  impactLevels: z.number().int().min(3, 'must be 3 to 5').max(5, 'must be 3 to 5'),
  likelihoodLabels: z.array(requiredText(60)).min(3).max(5),
  impactLabels: z.array(requiredText(60)).min(3).max(5),
  bands: z.array(bandSchema).min(2).max(6),
  acceptanceThreshold: z.number().int().min(1).max(25),
};

export const riskCriteriaSchema = z.object({
  engagementId: idSchema,
  likelihoodLevels: z.number().int(),
  impactLevels: z.number().int(),
  likelihoodLabels: z.array(z.string()),
  impactLabels: z.array(z.string()),
  bands: z.array(z.object({ name: z.string(), minScore: z.number().int() })),
  acceptanceThreshold: z.number().int(),
  /** 0 means the defaults, never saved for this engagement. */
  version: z.number().int(),
  saved: z.boolean(),
  /** Risks whose levels were computed under an older version (re-rate them explicitly). */
  staleRiskCount: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type RiskCriteria = z.infer<typeof riskCriteriaSchema>;
export type RiskCriteriaInput = z.input<z.ZodObject<typeof criteriaFields>>;

/** Annex C ids; the service checks that they exist in the catalog. */
export const riskSourceId = z
  .string()
  .regex(/^C\.3\.\d{1,2}$/, 'must be an Annex C risk source (C.3.x)');
export const objectiveId = z
  .string()
  .regex(/^C\.2\.\d{1,2}$/, 'must be an Annex C objective (C.2.x)');
/** A requirement id of a control, such as iso-iec-42001-2023:A.6.2.4. */
export const controlId = z.string().min(3).max(120);

export const riskFields = {
  title: requiredText(300),
  description: textField(20_000).default(''),
  aiSystemIds: z.array(idSchema).max(200).default([]),
  riskSource: riskSourceId.nullable().default(null),
  objectives: z.array(objectiveId).max(20).default([]),
  likelihood: level,
  impact: level,
  treatmentOption: z.enum(treatmentOptions).nullable().default(null),
  treatmentPlan: textField(20_000).default(''),
  controlIds: z.array(controlId).max(100).default([]),
  residualLikelihood: level.nullable().default(null),
  residualImpact: level.nullable().default(null),
  owner: textField(200).default(''),
  dueDate: dateSchema.nullable().default(null),
  status: z.enum(riskStatuses).default('open'),
};

const residualPaired = (v: {
  residualLikelihood?: number | null;
  residualImpact?: number | null;
}) => (v.residualLikelihood == null) === (v.residualImpact == null);
const residualMessage = {
  message: 'give both residual likelihood and residual impact, or neither',
  path: ['residualImpact'],
};

export const riskSchema = z.object({
  id: idSchema,
  engagementId: idSchema,
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  aiSystemIds: z.array(z.string()),
  aiSystemNames: z.array(z.string()),
  riskSource: z.string().nullable(),
  objectives: z.array(z.string()),
  likelihood: z.number().int(),
  impact: z.number().int(),
  inherentScore: z.number().int(),
  inherentBand: z.string(),
  treatmentOption: z.enum(treatmentOptions).nullable(),
  treatmentPlan: z.string(),
  controlIds: z.array(z.string()),
  controlRefs: z.array(z.string()),
  residualLikelihood: z.number().int().nullable(),
  residualImpact: z.number().int().nullable(),
  residualScore: z.number().int().nullable(),
  residualBand: z.string().nullable(),
  criteriaVersion: z.number().int(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(riskStatuses),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Risk = z.infer<typeof riskSchema>;
export const riskInputSchema = z.strictObject(riskFields);
export type RiskInput = z.input<typeof riskInputSchema>;

export const riskHistorySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
});
export type RiskHistoryEntry = z.infer<typeof riskHistorySchema>;

export const riskContracts = {
  'riskCriteria.get': defineCommand({
    name: 'riskCriteria.get',
    summary: 'The risk criteria of an engagement (the defaults until some are saved).',
    input: z.strictObject({ engagementId: idSchema }),
    output: riskCriteriaSchema,
    mutates: false,
  }),
  'riskCriteria.save': defineCommand({
    name: 'riskCriteria.save',
    summary: 'Save new risk criteria; raises the version and never changes a recorded level.',
    input: z.strictObject({ engagementId: idSchema, ...criteriaFields }),
    output: riskCriteriaSchema,
    mutates: true,
  }),
  'risks.list': defineCommand({
    name: 'risks.list',
    summary:
      'The risk register of an engagement with system names and control refs: all of it, or its first `limit` risks in register order.',
    input: z.strictObject({
      engagementId: idSchema,
      /** The first rows only, so a large register can be drawn before the rest arrives. */
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
    output: z.array(riskSchema),
    mutates: false,
  }),
  'risks.get': defineCommand({
    name: 'risks.get',
    summary: 'One risk with its history from the audit trail.',
    input: z.strictObject({ id: idSchema }),
    output: z.object({ risk: riskSchema, history: z.array(riskHistorySchema) }),
    mutates: false,
  }),
  'risks.create': defineCommand({
    name: 'risks.create',
    summary: 'Add a risk; its levels are computed under the current criteria.',
    input: z
      .strictObject({ engagementId: idSchema, ...riskFields })
      .refine(residualPaired, residualMessage),
    output: riskSchema,
    mutates: true,
  }),
  'risks.update': defineCommand({
    name: 'risks.update',
    summary: 'Change a risk; every field is replaced.',
    input: z.strictObject({ id: idSchema, ...riskFields }).refine(residualPaired, residualMessage),
    output: riskSchema,
    mutates: true,
  }),
  'risks.delete': defineCommand({
    name: 'risks.delete',
    summary: 'Delete a risk and its links.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
  'risks.accept': defineCommand({
    name: 'risks.accept',
    summary: 'Record that the owner accepts the residual risk (who and when).',
    input: z.strictObject({ id: idSchema, acceptedBy: requiredText(200), acceptedOn: dateSchema }),
    output: riskSchema,
    mutates: true,
  }),
  'risks.rerate': defineCommand({
    name: 'risks.rerate',
    summary: 'Recompute levels of chosen or all risks under the current criteria; each is audited.',
    input: z.strictObject({
      engagementId: idSchema,
      riskIds: z.array(idSchema).max(50_000).optional(),
    }),
    output: z.object({
      criteriaVersion: z.number().int(),
      rerated: z.number().int(),
      skipped: z.array(z.object({ id: z.string(), ref: z.string(), reason: z.string() })),
    }),
    mutates: true,
  }),
  'risks.byControl': defineCommand({
    name: 'risks.byControl',
    summary: 'For each Annex A control, the risks whose treatment relies on it.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.record(
      z.string(),
      z.array(z.object({ riskId: z.string(), ref: z.string(), title: z.string() })),
    ),
    mutates: false,
  }),
};
