import { z } from 'zod';
import {
  frameworkPurposes,
  guidanceSchema,
  nodeKinds,
  overlapSchema,
  scopingQuestionSchema,
} from '../catalog/format';
import { defineCommand } from './define';

export const frameworkSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  edition: z.string(),
  revision: z.number().int(),
  requirementCount: z.number().int(),
  assessableCount: z.number().int(),
  /** 'reference' catalogs are browsed and crosswalked to, never assessed. */
  purpose: z.enum(frameworkPurposes),
  source: z.string().nullable(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export const requirementSchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.enum(nodeKinds),
  section: z.string(),
  parentRef: z.string().nullable(),
  level: z.number().int(),
  assessable: z.boolean(),
  guidance: guidanceSchema.nullable(),
});
export type Requirement = z.infer<typeof requirementSchema>;

const labelledEntry = z.object({ id: z.string(), title: z.string(), explanation: z.string() });

export const catalogViewSchema = z.object({
  framework: frameworkSummarySchema,
  sections: z.array(z.object({ id: z.string(), title: z.string() })),
  vocabulary: z.object({
    roles: z.record(z.string(), z.string()),
    evidence: z.record(z.string(), z.string()),
  }),
  requirements: z.array(requirementSchema),
  annexC: z.object({ objectives: z.array(labelledEntry), riskSources: z.array(labelledEntry) }),
  links: z.array(z.object({ topic: z.string(), refs: z.array(z.string()), reason: z.string() })),
  overlaps: z.array(overlapSchema),
  scoping: z.array(scopingQuestionSchema),
});
export type CatalogView = z.infer<typeof catalogViewSchema>;

export const catalogContracts = {
  'catalog.frameworks': defineCommand({
    name: 'catalog.frameworks',
    summary: 'The frameworks loaded into the store.',
    input: z.strictObject({}),
    output: z.array(frameworkSummarySchema),
    mutates: false,
  }),
  'catalog.get': defineCommand({
    name: 'catalog.get',
    summary:
      'A whole framework: its requirement tree with guidance, vocabulary, Annex C, links, overlaps and scoping questions.',
    input: z.strictObject({ frameworkId: z.string().min(1).max(100) }),
    output: catalogViewSchema,
    mutates: false,
  }),
};
