import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import {
  backupsDirOf,
  checkIntegrity,
  dataBesideStore,
  latestBackup,
  makePrivate,
  restoreHint,
  type StoreHealth,
} from './health';
import { migrate, pendingMigrations, type MigrationReport } from './migrate';
import { StoreError } from './store-error';

export { StoreError };

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  sqlite: Database.Database;
  db: Db;
  file: string;
  migration: MigrationReport;
  /** Read-only when the integrity check at start found damage: no write may go into it. */
  health: StoreHealth;
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

/**
 * A missing or empty assay.db is a fresh store only when nothing else of the user's is there:
 * beside evidence, identities or backups it means the database was lost or truncated, and an
 * empty store in its place would hide all of it. Refused, naming what is there.
 */
function refuseHollowStore(dataDir: string, file: string): void {
  let size: number | null = null;
  try {
    size = fs.statSync(file).size;
  } catch {
    size = null;
  }
  if (size !== null && size > 0) return;
  const beside = dataBesideStore(dataDir);
  if (beside.length === 0) return;
  throw new StoreError(
    'MISSING',
    `${file} is ${size === null ? 'missing' : 'empty'}, but this data directory holds ${beside.join(', ')}. ` +
      `Assay will not start an empty store over them. ${restoreHint(dataDir)} ` +
      'Or choose another data directory with --data-dir.',
  );
}

function connect(file: string, options: OpenStoreOptions, readonly: boolean): Database.Database {
  try {
    return new Database(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(readonly ? { readonly: true, fileMustExist: true } : {}),
    });
  } catch (error) {
    throw new StoreError('IO', `Cannot open ${file}: ${(error as Error).message}`);
  }
}

/**
 * The damaged store, opened so the user can still read and export what is readable, with every
 * write refused (by SQLite itself, and by the dispatcher for every `mutates` command).
 */
function openReadOnly(
  file: string,
  options: OpenStoreOptions,
  problems: string[],
): { sqlite: Database.Database; health: StoreHealth } {
  const sqlite = connect(file, options, true);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  let pending = 0;
  try {
    pending = pendingMigrations(sqlite, options.migrationsDir);
  } catch {
    pending = 0;
  }
  if (pending > 0) {
    sqlite.close();
    throw new StoreError(
      'CORRUPT',
      `The database ${file} is damaged (${problems[0] ?? 'integrity check failed'}) and needs an update ` +
        `this version makes; a damaged store is never updated. It has not been changed. ${restoreHint(options.dataDir)}`,
    );
  }
  const reason = `The integrity check found damage in ${file}: ${problems.slice(0, 3).join('; ')}`;
  return {
    sqlite,
    health: {
      readOnly: true,
      reason,
      backupsDir: backupsDirOf(options.dataDir),
      latestBackup: latestBackup(options.dataDir),
    },
  };
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { dataDir } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Made before any message can name it.
  fs.mkdirSync(backupsDirOf(dataDir), { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DB_FILE);
  refuseHollowStore(dataDir, file);
  // Private from its first byte: SQLite gives -wal and -shm the database file's mode.
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  makePrivate(dataDir, [file, `${file}-wal`, `${file}-shm`]);
  let sqlite = connect(file, options, false);
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
        `It has not been changed. ${restoreHint(dataDir)} Or move the file aside.`,
    );
  }
  let health: StoreHealth = { readOnly: false, backupsDir: backupsDirOf(dataDir) };
  const integrity = checkIntegrity(sqlite, 'quick');
  if (!integrity.ok) {
    sqlite.close();
    ({ sqlite, health } = openReadOnly(file, options, integrity.problems));
  }
  let migration: MigrationReport = { applied: 0, alreadyApplied: 0, backupFile: null };
  if (!health.readOnly) {
    try {
      migration = await migrate(sqlite, {
        migrationsDir: options.migrationsDir,
        backupDir: backupsDirOf(dataDir),
      });
    } catch (error) {
      sqlite.close();
      throw error;
    }
    makePrivate(dataDir, [`${file}-wal`, `${file}-shm`, ...backupFiles(dataDir)]);
  }
  const db = drizzle(sqlite, { schema });
  const opened = sqlite;
  return {
    sqlite: opened,
    db,
    file,
    migration,
    health,
    close: () => {
      if (opened.open) opened.close();
    },
  };
}

function backupFiles(dataDir: string): string[] {
  try {
    return fs.readdirSync(backupsDirOf(dataDir)).map((n) => path.join(backupsDirOf(dataDir), n));
  } catch {
    return [];
  }
}
