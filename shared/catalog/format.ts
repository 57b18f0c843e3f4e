import { z } from 'zod';
import { nonEmpty, vocabKey } from './fields';
import { guidanceSchema, overlapSchema, scopingQuestionSchema } from './guidance';
import { guidanceProblems } from './guidance-problems';

export * from './guidance';

/**
 * The framework catalog format (resources/frameworks/*.json). One file per framework; a
 * custom-framework import reuses it. Documented in README.md ("Catalog format"). Guidance,
 * overlaps and scoping questions are defined in guidance.ts.
 */

/**
 * Format 2 added audit stages on questions, sampling and nonconformity examples on guidance,
 * overlaps and several-option scoping questions. A format-1 file is refused with this message.
 */
export const CATALOG_FORMAT_VERSION = 2;
const formatVersionMessage =
  'must be 2: format 1 catalogs lack the audit stage of each question, sampling and nonconformity examples (see README, "Catalog format")';

/**
 * Node kinds. ISO/IEC 42001 uses clause, area, objective and control; the reference catalogs add
 * the shapes of the frameworks we crosswalk to: EU AI Act chapters, their sections, articles,
 * annexes and annex parts; NIST AI RMF functions, categories and subcategories; ISO/IEC 27001
 * Annex A themes.
 */
export const nodeKinds = [
  'clause',
  'area',
  'objective',
  'control',
  'chapter',
  'chapter-section',
  'article',
  'annex',
  'annex-part',
  'function',
  'category',
  'subcategory',
  'theme',
] as const;
export type NodeKind = (typeof nodeKinds)[number];
export const isNodeKind = (kind: string): kind is NodeKind =>
  (nodeKinds as readonly string[]).includes(kind);

/**
 * What a catalog is for. An assessment catalog is interviewed against; a reference catalog
 * (EU AI Act, NIST AI RMF, ISO/IEC 27001) holds identifiers and titles only, is browsed and
 * crosswalked to, and is never offered for an assessment.
 */
export const frameworkPurposes = ['assessment', 'reference'] as const;
export type FrameworkPurpose = (typeof frameworkPurposes)[number];

export const catalogNodeSchema = z.strictObject({
  ref: nonEmpty,
  title: nonEmpty,
  kind: z.enum(nodeKinds),
  section: vocabKey,
  parent: nonEmpty.nullable(),
  assessable: z.boolean(),
  guidance: guidanceSchema.optional(),
});

export const annexCEntrySchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  explanation: nonEmpty,
});

export const requirementLinkSchema = z.strictObject({
  topic: vocabKey,
  refs: z.array(nonEmpty).min(2),
  reason: nonEmpty,
});

export const catalogSchema = z.strictObject({
  format: z.literal('assay-framework'),
  formatVersion: z.literal(CATALOG_FORMAT_VERSION, { error: formatVersionMessage }),
  framework: z.strictObject({
    id: vocabKey,
    name: nonEmpty,
    title: nonEmpty,
    edition: nonEmpty,
    purpose: z.enum(frameworkPurposes).default('assessment'),
    /** Where the identifiers and titles come from (required for reference catalogs). */
    source: nonEmpty.optional(),
  }),
  /** Raised whenever any text changes; a higher revision updates the store on start. */
  revision: z.number().int().positive(),
  sections: z.array(z.strictObject({ id: vocabKey, title: nonEmpty })).min(1),
  vocabulary: z.strictObject({
    roles: z.record(vocabKey, nonEmpty),
    evidence: z.record(vocabKey, nonEmpty),
  }),
  nodes: z.array(catalogNodeSchema).min(1),
  annexC: z
    .strictObject({
      objectives: z.array(annexCEntrySchema),
      riskSources: z.array(annexCEntrySchema),
    })
    .optional(),
  links: z.array(requirementLinkSchema).default([]),
  overlaps: z.array(overlapSchema).default([]),
  scoping: z.array(scopingQuestionSchema).default([]),
});

export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogNode = z.infer<typeof catalogNodeSchema>;
export type AnnexCEntry = z.infer<typeof annexCEntrySchema>;
export type RequirementLink = z.infer<typeof requirementLinkSchema>;

/** Cross-references a parsed catalog must satisfy beyond its shape; returns human-readable problems. */
export function catalogProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const refs = new Set<string>();
  const sections = new Set(catalog.sections.map((s) => s.id));
  for (const node of catalog.nodes) {
    if (refs.has(node.ref)) problems.push(`duplicate ref ${node.ref}`);
    refs.add(node.ref);
    if (!sections.has(node.section)) problems.push(`${node.ref}: unknown section ${node.section}`);
    if (node.parent !== null && !refs.has(node.parent)) {
      problems.push(`${node.ref}: parent ${node.parent} must appear before it`);
    }
    if (node.assessable && !node.guidance)
      problems.push(`${node.ref}: assessable without guidance`);
    for (const key of node.guidance?.evidence ?? []) {
      if (!(key in catalog.vocabulary.evidence))
        problems.push(`${node.ref}: unknown evidence ${key}`);
    }
    for (const key of node.guidance?.roles ?? []) {
      if (!(key in catalog.vocabulary.roles)) problems.push(`${node.ref}: unknown role ${key}`);
    }
  }
  for (const link of catalog.links) {
    for (const ref of link.refs)
      if (!refs.has(ref)) problems.push(`link ${link.topic}: unknown ${ref}`);
  }
  problems.push(...guidanceProblems(catalog));
  if (catalog.framework.purpose === 'reference') problems.push(...referenceProblems(catalog));
  return problems;
}

/** A reference catalog is never assessed, so it carries nothing an interview would use. */
function referenceProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  if (!catalog.framework.source) problems.push('reference catalog: framework.source is required');
  for (const node of catalog.nodes) {
    if (node.assessable) problems.push(`${node.ref}: a reference catalog has no assessable nodes`);
    if (node.guidance) problems.push(`${node.ref}: a reference catalog carries no guidance`);
  }
  if (catalog.scoping.length > 0) problems.push('reference catalog: scoping questions not allowed');
  if (catalog.overlaps.length > 0) problems.push('reference catalog: overlaps not allowed');
  return problems;
}
