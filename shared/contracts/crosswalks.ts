import { z } from 'zod';
import { nodeKinds } from '../catalog/format';
import {
  crosswalkConfidences,
  crosswalkRelations,
  crosswalkSourceSchema,
} from '../crosswalk/format';
import { defineCommand } from './define';

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

export const crosswalkContracts = {
  'crosswalks.get': defineCommand({
    name: 'crosswalks.get',
    summary:
      'The crosswalk rows that touch a framework (as source or target), with titles, relation, confidence and our rationale.',
    input: z.strictObject({ frameworkId: z.string().min(1).max(100) }),
    output: crosswalkViewSchema,
    mutates: false,
  }),
};
