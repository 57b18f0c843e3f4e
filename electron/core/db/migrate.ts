import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { z } from 'zod';
import { StoreError } from './store-error';

export interface MigrationReport {
  applied: number;
  alreadyApplied: number;
  backupFile: string | null;
}

interface Options {
  migrationsDir: string;
  backupDir: string;
}

const TABLE = '__drizzle_migrations';

/**
 * The runner reads only SQLite's catalogue and its own bookkeeping table, neither of which is in
 * the drizzle schema (they exist before it does): their rows are checked, never cast.
 */
const appliedRows = z.array(
  z.object({ hash: z.string(), createdAt: z.union([z.number(), z.string()]) }),
);
const countOf = (row: unknown) => z.object({ n: z.number() }).parse(row).n;

/**
 * Runs pending drizzle-kit migrations ourselves instead of drizzle's migrator, because:
 * - foreign keys must be OFF during a table rebuild, and that pragma is a no-op inside a
 *   transaction, so it is switched off before BEGIN and restored in `finally`;
 * - `foreign_key_check` must pass before COMMIT, so a migration that orphans rows rolls back;
 * - the database is backed up before anything changes, and a failure keeps both intact.
 * All pending migrations run in one transaction: a crash mid-way leaves the previous version.
 */
export async function migrate(
  sqlite: Database.Database,
  options: Options,
): Promise<MigrationReport> {
  if (!fs.existsSync(path.join(options.migrationsDir, 'meta', '_journal.json'))) {
    throw new StoreError(
      'MIGRATION',
      `Migrations not found in ${options.migrationsDir}; the installation is incomplete.`,
    );
  }
  const files = readMigrationFiles({ migrationsFolder: options.migrationsDir });
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`,
  );
  const applied = appliedRows.parse(
    sqlite
      .prepare(`SELECT hash, created_at AS createdAt FROM ${TABLE} ORDER BY created_at, id`)
      .all(),
  );
  checkHistory(applied, files);
  const pending = files.slice(applied.length);
  if (pending.length === 0) return { applied: 0, alreadyApplied: applied.length, backupFile: null };

  const backupFile = hasUserTables(sqlite) ? await backup(sqlite, options.backupDir) : null;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      for (const migration of pending) runOne(sqlite, migration);
      const orphans = sqlite.prepare('PRAGMA foreign_key_check').all();
      if (orphans.length > 0) {
        throw new Error(
          `foreign key check failed for ${orphans.length} row(s): ${JSON.stringify(orphans.slice(0, 3))}`,
        );
      }
      sqlite.exec('COMMIT');
    } catch (error) {
      sqlite.exec('ROLLBACK');
      const keep = backupFile ? ` A backup taken before the attempt is at ${backupFile}.` : '';
      throw new StoreError(
        'MIGRATION',
        `Updating the database failed and was rolled back; your data is unchanged (${(error as Error).message}).${keep}`,
        backupFile ?? undefined,
      );
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending.length, alreadyApplied: applied.length, backupFile };
}

/** How many schema steps this version would apply; for a store that must not be changed. */
export function pendingMigrations(sqlite: Database.Database, migrationsDir: string): number {
  const files = readMigrationFiles({ migrationsFolder: migrationsDir });
  const table = countOf(
    sqlite
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(TABLE),
  );
  if (table === 0) return files.length;
  return Math.max(
    0,
    files.length - countOf(sqlite.prepare(`SELECT count(*) AS n FROM ${TABLE}`).get()),
  );
}

function runOne(sqlite: Database.Database, migration: MigrationMeta): void {
  for (const statement of migration.sql) {
    if (statement.trim()) sqlite.exec(statement);
  }
  sqlite
    .prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`)
    .run(migration.hash, migration.folderMillis);
}

/** The applied list must be a prefix of the files, byte for byte: anything else means a mix-up. */
function checkHistory(applied: z.infer<typeof appliedRows>, files: MigrationMeta[]): void {
  if (applied.length > files.length) {
    throw new StoreError(
      'TOO_NEW',
      `This database was written by a newer version of Assay (${applied.length} schema steps, this version knows ${files.length}). Update Assay; the database was not changed.`,
    );
  }
  applied.forEach((row, i) => {
    const file = files[i];
    if (!file || file.hash !== row.hash || Number(row.createdAt) !== file.folderMillis) {
      throw new StoreError(
        'MIGRATION',
        `Schema step ${i + 1} recorded in the database does not match this version's migration files. The database was not changed.`,
      );
    }
  });
}

function hasUserTables(sqlite: Database.Database): boolean {
  const tables = sqlite
    .prepare(
      `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`,
    )
    .get(TABLE);
  return countOf(tables) > 0;
}

async function backup(sqlite: Database.Database, backupDir: string): Promise<string> {
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(backupDir, `assay-${stamp}-before-migration.db`);
  await sqlite.backup(file);
  return file;
}
