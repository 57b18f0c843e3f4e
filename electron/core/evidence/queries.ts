import { and, desc, eq, exists, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInput } from '../../../shared/contracts';
import type {
  EvidenceDetail,
  EvidenceItem,
  EvidenceLink,
  LinkKind,
} from '../../../shared/contracts/evidence';
import { effectiveEvidenceStatus, localDate } from '../../../shared/rules/evidence-status';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { notFound } from '../errors';
import { requireEngagement } from '../engagements';
import { previewKindOf } from './media';

const { evidenceItems: items, evidenceLinks: links, requirements, findings, risks } = schema;

type ItemRow = typeof items.$inferSelect & { linkCount: number };

/** Today in the user's calendar: "expired" is derived against it. */
export function today(ctx: CoreContext): string {
  return localDate(new Date(ctx.now()));
}

function selectItems(ctx: CoreContext) {
  const { db } = ctx.store;
  return db
    .select({
      ...getTableColumns(items),
      linkCount: db.$count(links, eq(links.evidenceId, items.id)),
    })
    .from(items);
}

function toItem(row: ItemRow, day: string): EvidenceItem {
  return {
    ...row,
    effectiveStatus: effectiveEvidenceStatus(row.status, row.validUntil, day),
    previewKind: previewKindOf(row.mediaType),
  };
}

/** A requirement evidence may be linked to: whether it exists, and whether it was retired. */
export function findRequirement(ctx: CoreContext, id: string): { retired: boolean } | undefined {
  return ctx.store.db
    .select({ retired: requirements.retired })
    .from(requirements)
    .where(eq(requirements.id, id))
    .get();
}

export function getEvidenceItem(ctx: CoreContext, id: string): EvidenceItem {
  const row = selectItems(ctx).where(eq(items.id, id)).get();
  if (!row) throw notFound('Evidence item', id);
  return toItem(row, today(ctx));
}

const linkKind = sql<LinkKind>`CASE WHEN ${links.requirementId} IS NOT NULL THEN 'requirement' WHEN ${links.findingId} IS NOT NULL THEN 'finding' ELSE 'risk' END`;
const linkLabel = sql<string>`coalesce(${requirements.ref}, ${findings.ref}, ${risks.ref})`;

/** Where an item is used: each link with the ref and title of what it points at. */
export function getEvidenceLinks(ctx: CoreContext, id: string): EvidenceLink[] {
  return ctx.store.db
    .select({
      id: links.id,
      createdAt: links.createdAt,
      createdBy: links.createdBy,
      kind: linkKind,
      targetId: sql<string>`coalesce(${links.requirementId}, ${links.findingId}, ${links.riskId})`,
      label: linkLabel,
      title: sql<string>`coalesce(${requirements.title}, ${findings.statement}, ${risks.title})`,
    })
    .from(links)
    .leftJoin(requirements, eq(requirements.id, links.requirementId))
    .leftJoin(findings, eq(findings.id, links.findingId))
    .leftJoin(risks, eq(risks.id, links.riskId))
    .where(eq(links.evidenceId, id))
    .orderBy(desc(linkKind), linkLabel)
    .all();
}

export function getEvidenceDetail(ctx: CoreContext, id: string): EvidenceDetail {
  return { ...getEvidenceItem(ctx, id), links: getEvidenceLinks(ctx, id) };
}

/** LIKE with our own escape character: a % or _ the user typed matches itself. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const likeEscaped = (column: AnySQLiteColumn, pattern: string) =>
  sql`${column} LIKE ${pattern} ESCAPE '\\'`;

function linkedTo(ctx: CoreContext, target: SQL) {
  return exists(
    ctx.store.db
      .select({ one: sql`1` })
      .from(links)
      .where(and(eq(links.evidenceId, items.id), target)),
  );
}

export function listEvidence(
  ctx: CoreContext,
  input: ParsedInput<'evidence.list'>,
): EvidenceItem[] {
  requireEngagement(ctx, input.engagementId);
  const where: (SQL | undefined)[] = [eq(items.engagementId, input.engagementId)];
  if (input.classification) where.push(eq(items.classification, input.classification));
  if (input.requirementId) where.push(linkedTo(ctx, eq(links.requirementId, input.requirementId)));
  if (input.findingId) where.push(linkedTo(ctx, eq(links.findingId, input.findingId)));
  if (input.riskId) where.push(linkedTo(ctx, eq(links.riskId, input.riskId)));
  if (input.text) {
    const pattern = containing(input.text);
    const matches = (column: AnySQLiteColumn) => likeEscaped(column, pattern);
    where.push(
      or(
        matches(items.title),
        matches(items.description),
        matches(items.originalName),
        matches(items.providedBy),
        matches(items.owner),
      ),
    );
  }
  const rows = selectItems(ctx)
    .where(and(...where))
    .orderBy(desc(items.createdAt), desc(items.id))
    .all();
  const day = today(ctx);
  const list = rows.map((r) => toItem(r, day));
  // "expired" is derived, so it is filtered after the rule has run.
  return input.status ? list.filter((i) => i.effectiveStatus === input.status) : list;
}

export function evidenceForRequirement(
  ctx: CoreContext,
  engagementId: string,
  requirementId: string,
): EvidenceItem[] {
  return listEvidence(ctx, { engagementId, requirementId });
}
