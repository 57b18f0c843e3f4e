import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { checkFileName } from '../../../shared/rules/file-name';
import { audit, inTransaction, type CoreContext } from '../context';
import { CommandFailure, invalid, notFound } from '../errors';
import { getEvidenceItem } from '../services/evidence';
import { detectMediaType } from './media';
import { ensureVault, fsyncDir, objectPath, vaultDirs } from './paths';
import { endTask, holdObject, isHeld, progressReporter, startTask } from './tasks';

/** Read and write in 1 MiB pieces: memory stays flat whatever the file's size. */
export const CHUNK = 1024 * 1024;

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

const cancelled = () =>
  new CommandFailure('CONFLICT', 'The import was cancelled; nothing was kept.', {
    cancelled: true,
  });

/** Checks what can be checked before a byte is written; returns the NFC file name. */
export function preflight(ctx: CoreContext, options: ImportOptions): string {
  const name = checkFileName(options.fileName);
  if (!name.ok) throw invalid('fileName', `"${options.fileName.slice(0, 60)}" ${name.message}.`);
  const db = ctx.store.sqlite;
  if (!db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(options.engagementId))
    throw notFound('Engagement', options.engagementId);
  if (
    options.requirementId &&
    !db.prepare('SELECT 1 FROM requirements WHERE id = ?').get(options.requirementId)
  )
    throw notFound('Requirement', options.requirementId);
  if (options.expectedSize === 0) throw invalid('file', `"${name.name}" is empty (0 bytes).`);
  return name.name;
}

/** SHA-256 of a file, read in the vault's chunk size. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: CHUNK }), hash);
  return hash.digest('hex');
}

async function writeAll(handle: fs.promises.FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Streams one file into the vault and records it. One read pass: every chunk is hashed while
 * the previous write is in flight. Order (RELIABILITY.md): temp file → fsync → rename → fsync
 * the folder → only then the rows. A crash at any point leaves either nothing, a temp file the
 * start-up sweep removes, or a stored object no row names yet (reported by the check) — never
 * a row without its file.
 */
export async function importStream(
  ctx: CoreContext,
  source: AsyncIterable<Buffer> & { destroy?: () => unknown },
  options: ImportOptions,
): Promise<EvidenceItem> {
  let fileName: string;
  let signal: AbortSignal;
  const taskId = options.taskId ?? ctx.newId();
  try {
    fileName = preflight(ctx, options);
    signal = startTask(taskId);
  } catch (error) {
    source.destroy?.();
    throw error;
  }
  const dirs = vaultDirs(ctx.dataDir);
  ensureVault(ctx.dataDir);
  const tmp = path.join(dirs.tmp, `${ctx.newId()}.part`);
  const report = progressReporter(ctx, taskId, fileName, options.expectedSize ?? 0);
  let release: (() => void) | undefined;
  let storedNew: string | null = null;
  try {
    const hash = createHash('sha256');
    const heads: Buffer[] = [];
    let size = 0;
    const handle = await fs.promises.open(tmp, 'wx', 0o600);
    try {
      report(0, true);
      let pending: Promise<void> | null = null;
      for await (const chunk of source) {
        if (signal.aborted) throw cancelled();
        // More than was declared is refused at the first byte over, not after writing it all.
        if (options.expectedSize !== undefined && size + chunk.length > options.expectedSize)
          throw invalid(
            'file',
            `"${fileName}" is larger than its declared ${options.expectedSize} bytes; nothing was kept.`,
          );
        if (pending) await pending;
        pending = writeAll(handle, chunk);
        hash.update(chunk);
        if (size < 16) heads.push(chunk.subarray(0, 16));
        size += chunk.length;
        report(size);
      }
      if (pending) await pending;
      if (signal.aborted) throw cancelled();
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (size === 0) throw invalid('file', `"${fileName}" is empty (0 bytes).`);
    if (options.expectedSize !== undefined && size !== options.expectedSize) {
      throw invalid(
        'file',
        `"${fileName}" arrived with ${size} of ${options.expectedSize} bytes; nothing was kept.`,
      );
    }
    const sha256 = hash.digest('hex');
    release = holdObject(sha256);
    const dest = objectPath(ctx.dataDir, sha256);
    const folder = path.dirname(dest);
    const existing = fs.statSync(dest, { throwIfNoEntry: false });
    // The stored object is kept only if its bytes really hash to its name: one altered in place
    // (same size, other bytes) is replaced by this fresh, verified copy.
    if (existing?.isFile() && existing.size === size && (await hashFile(dest)) === sha256) {
      // Same bytes already stored: keep the object, drop the copy (dedupe).
      await fs.promises.unlink(tmp);
    } else {
      const created = !fs.existsSync(folder);
      await fs.promises.mkdir(folder, { recursive: true });
      if (created) await fsyncDir(dirs.objects);
      // A stored object of the wrong size or content was damaged; the verified copy replaces it.
      await fs.promises.rename(tmp, dest);
      await fsyncDir(folder);
      storedNew = existing ? null : sha256;
    }
    if (signal.aborted) throw cancelled();
    const item = commitImport(ctx, {
      ...options,
      fileName,
      sha256,
      size,
      mediaType: detectMediaType(fileName, Buffer.concat(heads).subarray(0, 16)),
    });
    storedNew = null;
    report(size, true);
    return item;
  } catch (error) {
    source.destroy?.();
    throw error;
  } finally {
    await fs.promises.rm(tmp, { force: true });
    release?.();
    if (storedNew) removeIfUnused(ctx, storedNew);
    endTask(taskId);
  }
}

/** After a failed commit, a newly stored object no record names goes again. */
function removeIfUnused(ctx: CoreContext, sha256: string): void {
  const used = ctx.store.sqlite
    .prepare('SELECT 1 FROM evidence_blobs WHERE sha256 = ?')
    .get(sha256);
  if (!used && !isHeld(sha256)) fs.rmSync(objectPath(ctx.dataDir, sha256), { force: true });
}

interface Stored extends ImportOptions {
  sha256: string;
  size: number;
  mediaType: string;
}

/** The rows, in one transaction: blob (if new), item, optional link, and their audit entries. */
function commitImport(ctx: CoreContext, s: Stored): EvidenceItem {
  const id = ctx.newId();
  const now = ctx.now();
  const actor = ctx.actor();
  const db = ctx.store.sqlite;
  return inTransaction(ctx, () => {
    // Checked again inside the transaction: the engagement may have gone while we copied.
    if (!db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(s.engagementId))
      throw notFound('Engagement', s.engagementId);
    const blob = db
      .prepare('INSERT OR IGNORE INTO evidence_blobs (sha256, size, stored_at) VALUES (?, ?, ?)')
      .run(s.sha256, s.size, now);
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
    db.prepare(
      `INSERT INTO evidence_items (id, engagement_id, sha256, title, description, original_name, media_type, size,
         provided_by, collected_on, owner, valid_until, classification, status, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, '', ?, ?, ?, '', NULL, '', NULL, 'internal', 'received', ?, ?, ?)`,
    ).run(id, s.engagementId, s.sha256, title, s.fileName, s.mediaType, s.size, now, now, actor);
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
    for (const [column, target] of [
      ['requirement_id', s.requirementId],
      ['finding_id', s.findingId],
    ] as const) {
      if (!target) continue;
      const linkId = ctx.newId();
      db.prepare(
        `INSERT INTO evidence_links (id, evidence_id, ${column}, created_at, created_by) VALUES (?, ?, ?, ?, ?)`,
      ).run(linkId, id, target, now, actor);
      audit(ctx, now, {
        action: 'evidence.link',
        entityType: 'evidence',
        entityId: id,
        scopeId: s.engagementId,
        after: { linkId, [column === 'requirement_id' ? 'requirementId' : 'findingId']: target },
      });
    }
    return getEvidenceItem(ctx, id);
  });
}

/**
 * Imports a file named by the CLI, a test or the desktop app's open dialog — never by the
 * renderer. Directories, empty and unreadable files are refused before anything is written.
 */
export async function importFile(
  ctx: CoreContext,
  filePath: string,
  options: Omit<ImportOptions, 'fileName' | 'expectedSize'> & { fileName?: string },
): Promise<EvidenceItem> {
  const fileName = options.fileName ?? path.basename(filePath);
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat) throw invalid('file', `"${fileName}" does not exist.`);
  if (stat.isDirectory()) throw invalid('file', `"${fileName}" is a folder, not a file.`);
  if (!stat.isFile()) throw invalid('file', `"${fileName}" is not a regular file.`);
  preflight(ctx, { ...options, fileName, expectedSize: stat.size });
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(filePath, 'r');
  } catch {
    throw invalid('file', `"${fileName}" cannot be read (permission denied or locked).`);
  }
  const stream = handle.createReadStream({ highWaterMark: CHUNK });
  return importStream(ctx, stream, { ...options, fileName, expectedSize: stat.size });
}
