import { z } from 'zod';

/**
 * The crosswalk format (resources/crosswalks/*.json): how the assessable requirements of one
 * framework (ISO/IEC 42001) relate to the entries of a reference catalog (EU AI Act, NIST AI RMF,
 * ISO/IEC 27001). Every rationale is our own writing. Documented in README.md ("Crosswalks").
 */
const nonEmpty = z.string().trim().min(1);
const frameworkId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case framework id');

/**
 * How the 42001 requirement relates to the other framework's entry:
 * - equivalent: both ask for the same thing (for harmonized-structure clauses, the same
 *   requirement applied to another management system: one process can serve both once its scope
 *   includes AI);
 * - covers-part: they overlap; meeting one meets part of the other (the rationale says which);
 * - supports: meeting one helps with the other (inputs, records, a process to build on) without
 *   meeting any part of it directly.
 */
export const crosswalkRelations = ['equivalent', 'covers-part', 'supports'] as const;
export type CrosswalkRelation = (typeof crosswalkRelations)[number];

/** high: direct and plain; medium: real, depends on how it is implemented; low: thin or indirect. */
export const crosswalkConfidences = ['high', 'medium', 'low'] as const;
export type CrosswalkConfidence = (typeof crosswalkConfidences)[number];

/** Strongest first: a reader takes in the equivalents before the loose links. */
export const relationRank: Record<CrosswalkRelation, number> = {
  equivalent: 0,
  'covers-part': 1,
  supports: 2,
};
export const confidenceRank: Record<CrosswalkConfidence, number> = { high: 0, medium: 1, low: 2 };

/** One line, in our words: long enough to say why, short enough to read in a panel. */
const rationale = nonEmpty
  .max(320, 'a rationale is one line (at most 320 characters)')
  .refine((s) => !/[\r\n]/.test(s), 'a rationale is one line')
  .refine((s) => s.length >= 30, 'a rationale says why (at least 30 characters)');

/** A row taken from someone else's published crosswalk; its citation is kept as published. */
const publishedSource = z.strictObject({
  kind: z.literal('published'),
  citation: nonEmpty,
  /** The identifier as the publisher printed it (e.g. an FDIS Annex B id), when it differs. */
  refAsPublished: nonEmpty,
  /** false when only part of the publisher's row could be read. */
  rowFullyRead: z.boolean(),
});
const ourSource = z.strictObject({ kind: z.literal('assay') });
export const crosswalkSourceSchema = z.discriminatedUnion('kind', [ourSource, publishedSource]);
export type CrosswalkSource = z.infer<typeof crosswalkSourceSchema>;

export const crosswalkRowSchema = z.strictObject({
  from: nonEmpty,
  to: nonEmpty,
  relation: z.enum(crosswalkRelations),
  confidence: z.enum(crosswalkConfidences),
  rationale,
  source: crosswalkSourceSchema,
});
export type CrosswalkRow = z.infer<typeof crosswalkRowSchema>;

/** A requirement with nothing related on the other side, said plainly rather than left blank. */
export const unmatchedSchema = z.strictObject({ from: nonEmpty, rationale });

export const crosswalkSchema = z.strictObject({
  format: z.literal('assay-crosswalk'),
  formatVersion: z.literal(1),
  from: frameworkId,
  to: frameworkId,
  /** Raised whenever a row changes. */
  revision: z.number().int().positive(),
  rows: z.array(crosswalkRowSchema).min(1),
  unmatched: z.array(unmatchedSchema).default([]),
});
export type Crosswalk = z.infer<typeof crosswalkSchema>;

/** What the problems check needs to know of a catalog: its refs, which are assessable, which are leaves. */
export interface CatalogShape {
  frameworkId: string;
  refs: ReadonlySet<string>;
  assessable: ReadonlySet<string>;
  /** Refs that are some node's parent: headings, not something one maps to. */
  parents: ReadonlySet<string>;
}

export function catalogShape(
  frameworkId: string,
  nodes: readonly { ref: string; parent: string | null; assessable: boolean }[],
): CatalogShape {
  return {
    frameworkId,
    refs: new Set(nodes.map((n) => n.ref)),
    assessable: new Set(nodes.filter((n) => n.assessable).map((n) => n.ref)),
    parents: new Set(nodes.flatMap((n) => (n.parent === null ? [] : [n.parent]))),
  };
}

/**
 * Cross-references a parsed crosswalk must satisfy against the two catalogs; returns
 * human-readable problems. Every assessable requirement of the source framework has at least one
 * row or an unmatched entry (never both), every target exists and is a leaf, no pair repeats and
 * no rationale is pasted twice.
 */
export function crosswalkProblems(
  crosswalk: Crosswalk,
  from: CatalogShape | undefined,
  to: CatalogShape | undefined,
): string[] {
  if (!from) return [`framework ${crosswalk.from} is not loaded`];
  if (!to) return [`framework ${crosswalk.to} is not loaded`];
  const problems: string[] = [];
  const pairs = new Set<string>();
  const rationales = new Set<string>();
  const mapped = new Set<string>();
  const seenRationale = (text: string, where: string) => {
    const key = text.trim().toLowerCase();
    if (rationales.has(key)) problems.push(`${where}: the same rationale is used twice`);
    rationales.add(key);
  };
  for (const row of crosswalk.rows) {
    const where = `${row.from} → ${row.to}`;
    if (!from.assessable.has(row.from))
      problems.push(
        `${where}: ${row.from} is not an assessable requirement of ${from.frameworkId}`,
      );
    if (!to.refs.has(row.to))
      problems.push(`${where}: ${row.to} does not exist in ${to.frameworkId}`);
    else if (to.parents.has(row.to))
      problems.push(`${where}: ${row.to} is a heading; map to one of its entries`);
    const pair = `${row.from}\u0000${row.to}`;
    if (pairs.has(pair)) problems.push(`${where}: listed twice`);
    pairs.add(pair);
    seenRationale(row.rationale, where);
    mapped.add(row.from);
  }
  const unmatched = new Set<string>();
  for (const entry of crosswalk.unmatched) {
    if (!from.assessable.has(entry.from))
      problems.push(
        `unmatched ${entry.from}: not an assessable requirement of ${from.frameworkId}`,
      );
    if (mapped.has(entry.from)) problems.push(`unmatched ${entry.from}: it also has rows`);
    if (unmatched.has(entry.from)) problems.push(`unmatched ${entry.from}: listed twice`);
    unmatched.add(entry.from);
    seenRationale(entry.rationale, `unmatched ${entry.from}`);
  }
  for (const ref of from.assessable) {
    if (!mapped.has(ref) && !unmatched.has(ref))
      problems.push(`${ref}: no row and no unmatched entry for ${to.frameworkId}`);
  }
  return problems;
}
