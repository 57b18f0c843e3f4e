import { z } from 'zod';
import { implementationStatuses } from '../domain/assessment';
import { idSchema, requiredText } from './common';
import { defineCommand } from './define';

const decision = z.object({
  applicable: z.boolean(),
  justification: z.string(),
  implementationStatus: z.enum(implementationStatuses),
});

export const soaRowSchema = z.object({
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
  area: z.string(),
  areaTitle: z.string(),
  entry: decision.extend({ updatedAt: z.string(), updatedBy: z.string() }).nullable(),
  /** What the answers suggest when no decision is recorded yet; the justification may be empty. */
  suggestion: decision,
  risks: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
  evidence: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type SoaRow = z.infer<typeof soaRowSchema>;

export const soaContracts = {
  'soa.list': defineCommand({
    name: 'soa.list',
    summary:
      'The Statement of Applicability: all Annex A controls with decisions, suggestions and links.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.array(soaRowSchema),
    mutates: false,
  }),
  'soa.save': defineCommand({
    name: 'soa.save',
    summary: 'Record whether a control applies, why, and how far it is implemented.',
    input: z.strictObject({
      assessmentId: idSchema,
      requirementId: z.string().min(1).max(200),
      applicable: z.boolean(),
      justification: requiredText(20_000),
      implementationStatus: z.enum(implementationStatuses),
    }),
    output: soaRowSchema,
    mutates: true,
  }),
  'soa.acceptSuggestions': defineCommand({
    name: 'soa.acceptSuggestions',
    summary:
      'Record every suggestion that already has a justification, for controls not yet decided.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.object({ accepted: z.number().int(), needJustification: z.number().int() }),
    mutates: true,
  }),
};
