import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { migrate, type MigrationReport } from './migrate';
import { StoreError } from './store-error';

export { StoreError };

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  sqlite: Database.Database;
  db: Db;
  file: string;
  migration: MigrationReport;
  close(): void;
}

export interface OpenStoreOptions {
  dataDir: string;
  migrationsDir: string;
  /** Path to an Electron-ABI build of better-sqlite3 (set by the Electron shell only). */
  nativeBinding?: string;
}

export const DB_FILE = 'assay.db';

/**
 * Pragmas for every connection. synchronous=FULL: what a consultant typed survives power loss,
 * not only a process crash (WAL with NORMAL may lose the last commits on power loss).
 */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const journal = sqlite.pragma('journal_mode', { simple: true });
  const sync = sqlite.pragma('synchronous', { simple: true });
  const fk = sqlite.pragma('foreign_keys', { simple: true });
  if (journal !== 'wal' || sync !== 2 || fk !== 1) {
    throw new StoreError(
      'IO',
      `SQLite refused the required settings (journal=${journal}, synchronous=${sync}, foreign_keys=${fk}).`,
    );
  }
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, DB_FILE);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(
      file,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
  } catch (error) {
    throw new StoreError('IO', `Cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    // Reading the schema is the cheapest check that the file really is a SQLite database.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    applyPragmas(sqlite);
  } catch (error) {
    sqlite.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      'CORRUPT',
      `The database ${file} is damaged or is not an Assay database (${(error as Error).message}). ` +
        `It has not been changed. Restore a copy from ${path.join(options.dataDir, 'backups')} or move the file aside.`,
    );
  }
  let migration: MigrationReport;
  try {
    migration = await migrate(sqlite, {
      migrationsDir: options.migrationsDir,
      backupDir: path.join(options.dataDir, 'backups'),
    });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = drizzle(sqlite, { schema });
  return {
    sqlite,
    db,
    file,
    migration,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
