import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../../electron/core/demo/seed';
import { startTestCore, tempDir } from './core';

export const dbFile = (dir: string) => path.join(dir, 'assay.db');

/**
 * A data directory whose assay.db is damaged where only an integrity check can tell (garbage over
 * one table page far from page 1), so the next start opens it read-only. `before` is the file's
 * bytes, to prove nothing was written.
 */
export async function damagedStore(): Promise<{ dataDir: string; before: Buffer }> {
  const dataDir = tempDir();
  const core = await startTestCore(dataDir);
  await seedDemo(core.ctx, { size: 'small', seed: 5 });
  const root = core.store.sqlite
    .prepare("SELECT rootpage AS page FROM sqlite_master WHERE name = 'responses'")
    .get() as { page: number };
  const pageSize = core.store.sqlite.pragma('page_size', { simple: true }) as number;
  core.close();
  // Garbage over the cells of one table page far from page 1 (cells sit at a page's end):
  // the schema still reads, so only an integrity check can tell.
  const handle = fs.openSync(dbFile(dataDir), 'r+');
  const garbage = Buffer.alloc(1500, 0xa5);
  fs.writeSync(handle, garbage, 0, garbage.length, root.page * pageSize - garbage.length);
  fs.closeSync(handle);
  return { dataDir, before: fs.readFileSync(dbFile(dataDir)) };
}
