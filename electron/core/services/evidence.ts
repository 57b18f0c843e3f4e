import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/contracts';
import type {
  EvidenceDetail,
  EvidenceItem,
  EvidenceLink,
} from '../../../shared/contracts/evidence';
import {
  effectiveEvidenceStatus,
  localDate,
  type EvidenceClassification,
  type EvidenceStatus,
} from '../../../shared/rules/evidence-status';
import { audit, inTransaction, type CoreContext } from '../context';
import { notFound } from '../errors';
import { previewKindOf } from '../vault/media';
import { fsyncDir, objectPath } from '../vault/paths';
import { isHeld } from '../vault/tasks';

interface ItemRow extends Omit<
  EvidenceItem,
  'effectiveStatus' | 'previewKind' | 'status' | 'classification'
> {
  status: EvidenceStatus;
  classification: EvidenceClassification;
}

const SELECT = `
  SELECT i.id, i.engagement_id AS engagementId, i.sha256, i.title, i.description, i.original_name AS originalName,
    i.media_type AS mediaType, i.size, i.provided_by AS providedBy, i.collected_on AS collectedOn, i.owner,
    i.valid_until AS validUntil, i.classification, i.status, i.created_at AS createdAt, i.updated_at AS updatedAt,
    i.updated_by AS updatedBy,
    (SELECT count(*) FROM evidence_links l WHERE l.evidence_id = i.id) AS linkCount
  FROM evidence_items i`;

export function today(ctx: CoreContext): string {
  return localDate(new Date(ctx.now()));
}

function toItem(row: ItemRow, day: string): EvidenceItem {
  return {
    ...row,
    effectiveStatus: effectiveEvidenceStatus(row.status, row.validUntil, day),
    previewKind: previewKindOf(row.mediaType),
  };
}

export function getEvidenceItem(ctx: CoreContext, id: string): EvidenceItem {
  const row = ctx.store.sqlite.prepare(`${SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw notFound('Evidence item', id);
  return toItem(row, today(ctx));
}

export function getEvidenceLinks(ctx: CoreContext, id: string): EvidenceLink[] {
  return ctx.store.sqlite
    .prepare(
      `SELECT l.id, l.created_at AS createdAt, l.created_by AS createdBy,
         CASE WHEN l.requirement_id IS NOT NULL THEN 'requirement' WHEN l.finding_id IS NOT NULL THEN 'finding' ELSE 'risk' END AS kind,
         coalesce(l.requirement_id, l.finding_id, l.risk_id) AS targetId,
         coalesce(r.ref, f.ref, k.ref) AS label,
         coalesce(r.title, f.statement, k.title) AS title
       FROM evidence_links l
       LEFT JOIN requirements r ON r.id = l.requirement_id
       LEFT JOIN findings f ON f.id = l.finding_id
       LEFT JOIN risks k ON k.id = l.risk_id
       WHERE l.evidence_id = ? ORDER BY kind DESC, label`,
    )
    .all(id) as EvidenceLink[];
}

export function getEvidenceDetail(ctx: CoreContext, id: string): EvidenceDetail {
  return { ...getEvidenceItem(ctx, id), links: getEvidenceLinks(ctx, id) };
}

export function listEvidence(
  ctx: CoreContext,
  input: ParsedInput<'evidence.list'>,
): EvidenceItem[] {
  if (!ctx.store.sqlite.prepare('SELECT 1 FROM engagements WHERE id = ?').get(input.engagementId))
    throw notFound('Engagement', input.engagementId);
  const where = ['i.engagement_id = @engagementId'];
  const params: Record<string, string> = { engagementId: input.engagementId };
  if (input.classification) {
    where.push('i.classification = @classification');
    params.classification = input.classification;
  }
  if (input.requirementId) {
    where.push(
      'EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = i.id AND l.requirement_id = @requirementId)',
    );
    params.requirementId = input.requirementId;
  }
  for (const [column, value] of [
    ['finding_id', input.findingId],
    ['risk_id', input.riskId],
  ] as const) {
    if (!value) continue;
    where.push(
      `EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = i.id AND l.${column} = @${column})`,
    );
    params[column] = value;
  }
  if (input.text) {
    // LIKE with our own escape character: a % or _ the user typed matches itself.
    where.push(
      `(i.title LIKE @text ESCAPE '\\' OR i.description LIKE @text ESCAPE '\\' OR i.original_name LIKE @text ESCAPE '\\'
        OR i.provided_by LIKE @text ESCAPE '\\' OR i.owner LIKE @text ESCAPE '\\')`,
    );
    params.text = `%${input.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const rows = ctx.store.sqlite
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC`)
    .all(params) as ItemRow[];
  const day = today(ctx);
  const items = rows.map((r) => toItem(r, day));
  // "expired" is derived, so it is filtered after the rule has run.
  return input.status ? items.filter((i) => i.effectiveStatus === input.status) : items;
}

export function evidenceForRequirement(
  ctx: CoreContext,
  engagementId: string,
  requirementId: string,
): EvidenceItem[] {
  return listEvidence(ctx, { engagementId, requirementId });
}

export function updateEvidence(
  ctx: CoreContext,
  input: ParsedInput<'evidence.update'>,
): EvidenceDetail {
  const { id, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getEvidenceItem(ctx, id);
    ctx.store.sqlite
      .prepare(
        `UPDATE evidence_items SET title = @title, description = @description, provided_by = @providedBy,
           collected_on = @collectedOn, owner = @owner, valid_until = @validUntil, classification = @classification,
           status = @status, updated_at = @now, updated_by = @actor WHERE id = @id`,
      )
      .run({ id, ...fields, now, actor: ctx.actor() });
    audit(ctx, now, {
      action: 'evidence.update',
      entityType: 'evidence',
      entityId: id,
      scopeId: before.engagementId,
      before: {
        title: before.title,
        description: before.description,
        providedBy: before.providedBy,
        collectedOn: before.collectedOn,
        owner: before.owner,
        validUntil: before.validUntil,
        classification: before.classification,
        status: before.status,
      },
      after: fields,
    });
    return getEvidenceDetail(ctx, id);
  });
}

/**
 * Deletes a record and its links. The stored object goes too when no other record names it:
 * the rows are removed first (one transaction, with audit), then the file — a crash between
 * leaves an unreferenced file the check reports, never a record without its file.
 */
export async function deleteEvidence(
  ctx: CoreContext,
  id: string,
): Promise<{ ok: true; objectRemoved: boolean }> {
  const now = ctx.now();
  const db = ctx.store.sqlite;
  const sha256 = inTransaction(ctx, () => {
    const before = getEvidenceDetail(ctx, id);
    db.prepare('DELETE FROM evidence_items WHERE id = ?').run(id);
    audit(ctx, now, {
      action: 'evidence.delete',
      entityType: 'evidence',
      entityId: id,
      scopeId: before.engagementId,
      before,
    });
    const others = db
      .prepare('SELECT count(*) AS n FROM evidence_items WHERE sha256 = ?')
      .get(before.sha256) as { n: number };
    if (others.n > 0 || isHeld(before.sha256)) return null;
    db.prepare('DELETE FROM evidence_blobs WHERE sha256 = ?').run(before.sha256);
    audit(ctx, now, {
      action: 'evidence.object.remove',
      entityType: 'evidence_object',
      entityId: before.sha256,
      scopeId: before.engagementId,
      before: { sha256: before.sha256, size: before.size },
    });
    return before.sha256;
  });
  if (!sha256) return { ok: true, objectRemoved: false };
  const file = objectPath(ctx.dataDir, sha256);
  // Synchronously, in the same tick as the commit: no import of the same bytes can interleave.
  fs.rmSync(file, { force: true });
  await fsyncDir(path.dirname(file)).catch(() => undefined);
  return { ok: true, objectRemoved: true };
}
