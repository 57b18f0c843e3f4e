import path from 'node:path';
import { openStore, type Store } from '../../electron/core/db';
import { startTestCore, tempDir } from './core';
import { migrationsUpTo } from './db';

const CATALOG_TABLES = ['frameworks', 'requirements', 'interview_questions'];

/**
 * A data directory whose store stops at the shipped migration `lastTag`, with today's catalogs in
 * it (copied from a current store: the catalog tables have not changed shape since), ready for
 * rows written by SQL the way that release wrote them. Close it, then start a core on `dataDir`
 * to run the newer migrations over it.
 */
export async function olderStore(lastTag: string): Promise<{ dataDir: string; store: Store }> {
  const current = await startTestCore();
  current.close();
  const dataDir = tempDir();
  const store = await openStore({ dataDir, migrationsDir: migrationsUpTo(lastTag) });
  store.sqlite.prepare('ATTACH DATABASE ? AS current').run(path.join(current.dataDir, 'assay.db'));
  for (const table of CATALOG_TABLES) {
    store.sqlite.exec(`INSERT INTO main.${table} SELECT * FROM current.${table}`);
  }
  store.sqlite.exec('DETACH DATABASE current');
  return { dataDir, store };
}
