import { z } from 'zod';
import { results } from '../domain/assessment';
import { annexIiiPoints, euAiActRiskClasses, euAiActRoles } from '../domain/eu-ai-act';
import { crosswalkConfidences, crosswalkRelations } from '../crosswalk/format';
import { idSchema } from './common';
import { defineCommand } from './define';

export const scopedSystemSchema = z.object({
  id: idSchema,
  name: z.string(),
  roles: z.array(z.enum(euAiActRoles)),
  riskClass: z.enum(euAiActRiskClasses).nullable(),
  annexIiiPoint: z.union(annexIiiPoints.map((n) => z.literal(n))).nullable(),
  /** What is missing before its obligations can be worked out; null once scoped. */
  gap: z.string().nullable(),
});
export type ScopedSystem = z.infer<typeof scopedSystemSchema>;

/** A 42001 requirement that helps with an obligation, and where the assessment stands on it. */
export const supportingRequirementSchema = z.object({
  requirementId: z.string().nullable(),
  ref: z.string(),
  title: z.string(),
  /** The article or annex of the obligation the crosswalk row points at. */
  article: z.string(),
  relation: z.enum(crosswalkRelations),
  confidence: z.enum(crosswalkConfidences),
  rationale: z.string(),
  result: z.enum(results),
  /** false when the assessment leaves the requirement's area out of its scope. */
  inScope: z.boolean(),
});
export type SupportingRequirement = z.infer<typeof supportingRequirementSchema>;

export const obligationViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  articles: z.array(z.object({ ref: z.string(), title: z.string() })),
  coverage: z.enum(['partial', 'none']),
  beyond42001: z.string(),
  systems: z.array(z.object({ id: idSchema, name: z.string(), condition: z.string().nullable() })),
  supporting: z.array(supportingRequirementSchema),
});
export type ObligationView = z.infer<typeof obligationViewSchema>;

export const euAiActViewSchema = z.object({
  assessmentId: idSchema,
  engagementId: idSchema,
  systems: z.array(scopedSystemSchema),
  obligations: z.array(obligationViewSchema),
});
export type EuAiActView = z.infer<typeof euAiActViewSchema>;

export const euAiActContracts = {
  'euAiAct.obligations': defineCommand({
    name: 'euAiAct.obligations',
    summary:
      'The EU AI Act obligations the engagement’s AI systems give rise to, each with the 42001 requirements that support it and the assessment’s result there.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: euAiActViewSchema,
    mutates: false,
  }),
  'euAiAct.exportXlsx': defineCommand({
    name: 'euAiAct.exportXlsx',
    summary:
      'The EU AI Act obligations and their supporting requirements as an XLSX workbook (base64).',
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
    mutates: false,
  }),
};
