/**
 * What the report prints under each requirement beside its notes: the evidence linked to it (as
 * the evidence index names it) and the findings raised against it, by reference.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { schema } from '../db';
import type { CoreContext } from '../context';

const { evidenceItems, evidenceLinks } = schema;

/**
 * Requirement id → "title (date)" of each evidence item of the engagement linked to it, in the
 * evidence index's order; confidential items left out when the report omits them.
 */
export function evidenceByRequirement(
  ctx: CoreContext,
  engagementId: string,
  omitConfidential: boolean,
): Map<string, string[]> {
  const rows = ctx.store.db
    .select({
      requirementId: evidenceLinks.requirementId,
      title: evidenceItems.title,
      collectedOn: evidenceItems.collectedOn,
      createdAt: evidenceItems.createdAt,
      classification: evidenceItems.classification,
    })
    .from(evidenceLinks)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .where(
      and(eq(evidenceItems.engagementId, engagementId), isNotNull(evidenceLinks.requirementId)),
    )
    .orderBy(sql`${evidenceItems.title} COLLATE NOCASE`, evidenceItems.createdAt)
    .all();
  const byRequirement = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.requirementId) continue;
    if (omitConfidential && row.classification === 'confidential') continue;
    const list = byRequirement.get(row.requirementId) ?? [];
    list.push(`${row.title} (${row.collectedOn ?? row.createdAt.slice(0, 10)})`);
    byRequirement.set(row.requirementId, list);
  }
  return byRequirement;
}

/** Requirement ref → "F-012 (Minor nonconformity)" of each finding raised against it. */
export function findingsByRequirement(
  findings: { ref: string; requirementRef: string; grade: string }[],
): Map<string, string[]> {
  const byRef = new Map<string, string[]>();
  for (const f of findings) {
    const list = byRef.get(f.requirementRef) ?? [];
    list.push(`${f.ref} (${f.grade})`);
    byRef.set(f.requirementRef, list);
  }
  return byRef;
}
