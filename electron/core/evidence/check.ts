import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { asc, count, eq, notExists } from 'drizzle-orm';
import type { IntegrityReport } from '../../../shared/contracts/evidence';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { CHUNK } from './import';
import { vaultDirs } from './vault-paths';

const { evidenceBlobs: blobs, evidenceItems: items } = schema;

/** SHA-256 of a file, read in the vault's chunk size. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: CHUNK }), hash);
  return hash.digest('hex');
}

/** Blob rows no evidence record names any more (their engagement was deleted, say). */
export function unusedBlobs(ctx: CoreContext): { sha256: string; size: number }[] {
  const { db } = ctx.store;
  return db
    .select({ sha256: blobs.sha256, size: blobs.size })
    .from(blobs)
    .where(notExists(db.select({ id: items.id }).from(items).where(eq(items.sha256, blobs.sha256))))
    .all();
}

/** Every entry under vault/objects as "<aa>/<name>", links and stray files included. */
function listObjects(objectsDir: string): { rel: string; size: number }[] {
  const found: { rel: string; size: number }[] = [];
  if (!fs.existsSync(objectsDir)) return found;
  for (const prefix of fs.readdirSync(objectsDir, { withFileTypes: true })) {
    const dir = path.join(objectsDir, prefix.name);
    if (!prefix.isDirectory()) {
      found.push({ rel: prefix.name, size: 0 });
      continue;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const stat = fs.lstatSync(path.join(dir, entry.name));
      found.push({ rel: `${prefix.name}/${entry.name}`, size: stat.size });
    }
  }
  return found;
}

/**
 * Re-hashes every stored object. Missing: a record names a file that is not there. Altered: the
 * bytes no longer hash to the name. Unreferenced: a file in the vault that no record names (or
 * anything that is not a plain object file, such as a planted link). Reads only; changes nothing.
 */
export async function checkVault(
  ctx: CoreContext,
  onProgress?: (done: number, total: number) => void,
): Promise<IntegrityReport> {
  const { db } = ctx.store;
  const dirs = vaultDirs(ctx.dataDir);
  const stored = db
    .select({ sha256: blobs.sha256, size: blobs.size })
    .from(blobs)
    .orderBy(asc(blobs.sha256))
    .all();
  const ids = (sha: string) =>
    db
      .select({ id: items.id })
      .from(items)
      .where(eq(items.sha256, sha))
      .orderBy(asc(items.id))
      .all()
      .map((r) => r.id);
  const report: IntegrityReport = {
    ok: true,
    objects: 0,
    bytes: 0,
    items: db.select({ n: count() }).from(items).get()?.n ?? 0,
    missing: [],
    altered: [],
    unreferenced: [],
    tempFiles: fs.existsSync(dirs.tmp) ? fs.readdirSync(dirs.tmp).length : 0,
  };
  const known = new Set<string>();
  // A blob row no record uses is as good as a file without a row (the start-up sweep removes it).
  const unused = new Set(unusedBlobs(ctx).map((r) => r.sha256));
  let done = 0;
  for (const blob of stored) {
    const rel = `${blob.sha256.slice(0, 2)}/${blob.sha256}`;
    if (!unused.has(blob.sha256)) known.add(rel);
    const file = path.join(dirs.objects, rel);
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      report.missing.push({ sha256: blob.sha256, items: ids(blob.sha256) });
    } else {
      report.objects += 1;
      report.bytes += stat.size;
      const actual = await hashFile(file);
      if (actual !== blob.sha256)
        report.altered.push({ sha256: blob.sha256, actual, items: ids(blob.sha256) });
    }
    done += 1;
    onProgress?.(done, stored.length);
  }
  for (const entry of listObjects(dirs.objects)) {
    if (!known.has(entry.rel)) report.unreferenced.push({ name: entry.rel, size: entry.size });
  }
  // Items whose blob row is gone cannot exist (foreign key), so blob rows cover every item.
  report.ok =
    report.missing.length === 0 && report.altered.length === 0 && report.unreferenced.length === 0;
  return report;
}
