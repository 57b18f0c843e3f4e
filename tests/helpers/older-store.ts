import path from 'node:path';
import { openStore, type Store } from '../../electron/core/db';
import { startTestCore, tempDir } from './core';
import { migrationsUpTo, rowsOf, seedAssessment, type SeededIds } from './db';

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

/** The user tables every upgrade test compares before and after. */
const SEEDED_TABLES = ['engagements', 'assessments', 'responses', 'findings', 'soa_entries'];

export interface UpgradedStore {
  core: Awaited<ReturnType<typeof startTestCore>>;
  seeded: SeededIds;
  /** The seeded tables' rows as the older release left them. */
  before: Record<string, unknown[]>;
  /** The same tables' rows now, after today's migrations ran. */
  rowsNow(): Record<string, unknown[]>;
}

/**
 * A store that stops at `lastTag`, seeded with one assessment the way that release wrote it, then
 * opened by today's core (which runs every newer migration). Close `core` when done.
 */
export async function upgradeSeededStore(
  lastTag: string,
  refs: string[] = ['4.1', '6.1.2'],
): Promise<UpgradedStore> {
  const { dataDir, store } = await olderStore(lastTag);
  const seeded = seedAssessment(store.sqlite, 1, refs);
  const snapshot = (sqlite: Store['sqlite']) =>
    Object.fromEntries(SEEDED_TABLES.map((t) => [t, rowsOf(sqlite, t)]));
  const before = snapshot(store.sqlite);
  store.close();
  const core = await startTestCore(dataDir);
  return { core, seeded, before, rowsNow: () => snapshot(core.store.sqlite) };
}
