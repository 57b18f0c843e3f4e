import { z } from 'zod';
import { nodeKinds } from '../catalog/format';
import {
  crosswalkConfidences,
  crosswalkRelations,
  crosswalkSourceSchema,
} from '../crosswalk/format';
import { defineCommand } from './define';
import { idSchema } from './common';
import { results } from '../domain/assessment';
import { nistCoverageLevels } from '../rules/nist-coverage';

/** One crosswalk row with both ends named, so a panel can show it without another look-up. */
export const relatedItemSchema = z.object({
  fromFramework: z.string(),
  from: z.string(),
  fromTitle: z.string(),
  toFramework: z.string(),
  to: z.string(),
  toTitle: z.string(),
  toKind: z.enum(nodeKinds),
  relation: z.enum(crosswalkRelations),
  confidence: z.enum(crosswalkConfidences),
  rationale: z.string(),
  source: crosswalkSourceSchema,
});
export type RelatedItem = z.infer<typeof relatedItemSchema>;

export const unmatchedItemSchema = z.object({
  fromFramework: z.string(),
  from: z.string(),
  toFramework: z.string(),
  rationale: z.string(),
});
export type UnmatchedItem = z.infer<typeof unmatchedItemSchema>;

export const crosswalkViewSchema = z.object({
  frameworkId: z.string(),
  /** Rows where the framework is either side: a 42001 requirement's related items, or the 42001 requirements related to an article. */
  rows: z.array(relatedItemSchema),
  unmatched: z.array(unmatchedItemSchema),
});
export type CrosswalkView = z.infer<typeof crosswalkViewSchema>;

const crosswalkViewContracts = {
  'crosswalks.get': defineCommand({
    name: 'crosswalks.get',
    summary:
      'The crosswalk rows that touch a framework (as source or target), with titles, relation, confidence and our rationale.',
    input: z.strictObject({ frameworkId: z.string().min(1).max(100) }),
    output: crosswalkViewSchema,
    mutates: false,
  }),
};

const countsSchema = z.object({
  supported: z.number().int(),
  partly: z.number().int(),
  unsupported: z.number().int(),
  unmapped: z.number().int(),
});

const coverageRequirementSchema = z.object({
  ref: z.string(),
  title: z.string(),
  relation: z.enum(crosswalkRelations),
  /** The answer in this assessment; null when it does not count (not applicable, out of scope). */
  result: z.enum(results).nullable(),
});

export const nistCoverageSchema = z.object({
  assessmentId: z.string(),
  totals: countsSchema,
  score: z.number().int(),
  functions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      counts: countsSchema,
      score: z.number().int(),
      categories: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          counts: countsSchema,
          score: z.number().int(),
          subcategories: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              level: z.enum(nistCoverageLevels),
              requirements: z.array(coverageRequirementSchema),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type NistCoverage = z.infer<typeof nistCoverageSchema>;

const nistCoverageContracts = {
  'crosswalks.nistCoverage': defineCommand({
    name: 'crosswalks.nistCoverage',
    summary:
      'How far the assessment’s answers support each NIST AI RMF function, category and subcategory, through our crosswalk.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: nistCoverageSchema,
    mutates: false,
  }),
};

export const crosswalkContracts = { ...crosswalkViewContracts, ...nistCoverageContracts };
