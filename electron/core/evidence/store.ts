import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { CommandFailure, invalid } from '../errors';
import type { ReportProgress } from '../tasks';
import { fsyncDir } from '../files';
import type { Received } from '../transfer';
import { hashFile } from './check';
import { addLink } from './links';
import { detectMediaType } from './media';
import { getEvidenceItem } from './queries';
import { requireEngagement } from '../engagements';
import { objectPath, vaultDirs } from './vault-paths';

const { evidenceItems: items, evidenceBlobs: blobs } = schema;

/** Where a file comes from and what its new record is linked to. */
export interface ImportOptions {
  engagementId: string;
  fileName: string;
  /** Known size (from stat or the upload's declared size); a different byte count is refused. */
  expectedSize?: number;
  taskId?: string;
  /** Link the new item to this requirement in the same transaction. */
  requirementId?: string;
  findingId?: string;
}

export const cancelledMessage = 'The import was cancelled; nothing was kept.';
export const cancelled = () =>
  new CommandFailure('CONFLICT', cancelledMessage, {
    cancelled: true,
  });

/** A received file that is empty or not the size announced is refused by name. */
function checkReceived(received: Received, fileName: string, expectedSize?: number): void {
  if (received.size === 0) throw invalid('file', `"${fileName}" is empty (0 bytes).`);
  if (expectedSize !== undefined && received.size !== expectedSize) {
    throw invalid(
      'file',
      `"${fileName}" arrived with ${received.size} of ${expectedSize} bytes; nothing was kept.`,
    );
  }
}

/**
 * Puts a received file (written, hashed and fsynced in vault/tmp) in the vault and records it;
 * the temp file is gone afterwards whatever happened.
 * Order (RELIABILITY.md): rename into objects/ → fsync the folder → only then the rows. A crash
 * at any point leaves either a temp file the start-up sweep removes, or a stored object no row
 * names yet (reported by the check) — never a row without its file.
 */
export async function storeReceived(
  ctx: CoreContext,
  received: Received,
  options: ImportOptions,
  signal: AbortSignal,
  report: ReportProgress,
): Promise<EvidenceItem> {
  const { sha256, size } = received;
  const release = ctx.tasks.hold(sha256);
  let storedNew: string | null = null;
  try {
    checkReceived(received, options.fileName, options.expectedSize);
    const dest = objectPath(ctx.dataDir, sha256);
    const folder = path.dirname(dest);
    const existing = fs.statSync(dest, { throwIfNoEntry: false });
    // The stored object is kept only if its bytes really hash to its name: one altered in place
    // (same size, other bytes) is replaced by this fresh, verified copy.
    if (existing?.isFile() && existing.size === size && (await hashFile(dest)) === sha256) {
      // Same bytes already stored: keep the object, drop the copy (dedupe).
      await fs.promises.unlink(received.file);
    } else {
      const created = !fs.existsSync(folder);
      await fs.promises.mkdir(folder, { recursive: true });
      if (created) await fsyncDir(vaultDirs(ctx.dataDir).objects);
      // A stored object of the wrong size or content was damaged; the verified copy replaces it.
      await fs.promises.rename(received.file, dest);
      await fsyncDir(folder);
      storedNew = existing ? null : sha256;
    }
    if (signal.aborted) throw cancelled();
    const item = commitImport(ctx, {
      ...options,
      sha256,
      size,
      mediaType: detectMediaType(options.fileName, received.head),
    });
    storedNew = null;
    report(size, true);
    return item;
  } finally {
    await fs.promises.rm(received.file, { force: true });
    release();
    if (storedNew) removeIfUnused(ctx, storedNew);
  }
}

/** After a failed commit, a newly stored object no record names goes again. */
function removeIfUnused(ctx: CoreContext, sha256: string): void {
  const used = ctx.store.db
    .select({ sha256: blobs.sha256 })
    .from(blobs)
    .where(eq(blobs.sha256, sha256))
    .get();
  if (!used && !ctx.tasks.isHeld(sha256))
    fs.rmSync(objectPath(ctx.dataDir, sha256), { force: true });
}

interface Stored extends ImportOptions {
  sha256: string;
  size: number;
  mediaType: string;
}

/** The rows, in one transaction: blob (if new), item, optional links, and their audit entries. */
function commitImport(ctx: CoreContext, s: Stored): EvidenceItem {
  const id = ctx.newId();
  const now = ctx.now();
  const actor = ctx.actor();
  const { db } = ctx.store;
  return inTransaction(ctx, () => {
    // Checked again inside the transaction: the engagement may have gone while we copied.
    requireEngagement(ctx, s.engagementId);
    const blob = db
      .insert(blobs)
      .values({ sha256: s.sha256, size: s.size, storedAt: now })
      .onConflictDoNothing()
      .run();
    if (blob.changes === 1) {
      audit(ctx, now, {
        action: 'evidence.object.store',
        entityType: 'evidence_object',
        entityId: s.sha256,
        scopeId: s.engagementId,
        after: { sha256: s.sha256, size: s.size },
      });
    }
    const title = s.fileName.replace(/\.[^.]+$/, '') || s.fileName;
    db.insert(items)
      .values({
        id,
        engagementId: s.engagementId,
        sha256: s.sha256,
        title,
        description: '',
        originalName: s.fileName,
        mediaType: s.mediaType,
        size: s.size,
        providedBy: '',
        collectedOn: null,
        owner: '',
        validUntil: null,
        classification: 'internal',
        status: 'received',
        createdAt: now,
        updatedAt: now,
        updatedBy: actor,
      })
      .run();
    audit(ctx, now, {
      action: 'evidence.import',
      entityType: 'evidence',
      entityId: id,
      scopeId: s.engagementId,
      after: {
        title,
        originalName: s.fileName,
        sha256: s.sha256,
        size: s.size,
        mediaType: s.mediaType,
        deduplicated: blob.changes === 0,
      },
    });
    const item = { id, engagementId: s.engagementId };
    if (s.requirementId) addLink(ctx, now, item, { field: 'requirementId', id: s.requirementId });
    if (s.findingId) addLink(ctx, now, item, { field: 'findingId', id: s.findingId });
    return getEvidenceItem(ctx, id);
  });
}
