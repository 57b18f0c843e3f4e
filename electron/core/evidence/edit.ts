import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import type { EvidenceDetail } from '../../../shared/contracts/evidence';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { fsyncDir } from '../files';
import { getEvidenceDetail, getEvidenceItem } from './queries';
import { objectPath } from './vault-paths';

const { evidenceItems: items, evidenceBlobs: blobs } = schema;

export function updateEvidence(
  ctx: CoreContext,
  input: ParsedInput<'evidence.update'>,
): EvidenceDetail {
  const { id, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getEvidenceItem(ctx, id);
    ctx.store.db
      .update(items)
      .set({ ...fields, updatedAt: now, updatedBy: ctx.actor() })
      .where(eq(items.id, id))
      .run();
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
        reviewDue: before.reviewDue,
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
  const { db } = ctx.store;
  const sha256 = inTransaction(ctx, () => {
    const before = getEvidenceDetail(ctx, id);
    db.delete(items).where(eq(items.id, id)).run();
    audit(ctx, now, {
      action: 'evidence.delete',
      entityType: 'evidence',
      entityId: id,
      scopeId: before.engagementId,
      before,
    });
    const others = db
      .select({ n: count() })
      .from(items)
      .where(eq(items.sha256, before.sha256))
      .get();
    if ((others?.n ?? 0) > 0 || ctx.tasks.isHeld(before.sha256)) return null;
    db.delete(blobs).where(eq(blobs.sha256, before.sha256)).run();
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
