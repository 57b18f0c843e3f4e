import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface LockOptions {
  /** Path to an Electron-ABI build of better-sqlite3 (set by the Electron shell only). */
  nativeBinding?: string;
}

/** The file that says who holds the lock (for messages); the lock itself is LOCK_DB's. */
export const LOCK_INFO = 'assay.lock';
/** SQLite's own OS file lock on this small database is the lock: it dies with the process. */
export const LOCK_DB = 'assay.lock.sqlite';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readInfo(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? '') }
      : null;
  } catch {
    return null;
  }
}

const busy = (dataDir: string, who: string) =>
  new DataDirBusyError(
    `Another Assay is already using ${dataDir} (${who}). ` +
      'Close it first, or choose another data directory with --data-dir.',
  );

/** Lock files this process holds: a second acquire here must fail, not take over its own lock. */
const heldHere = new Set<string>();

/**
 * Takes SQLite's exclusive lock on LOCK_DB and keeps it (locking_mode EXCLUSIVE) until the
 * connection closes. The OS releases it when the process dies, however it dies.
 */
function takeOsLock(file: string, options: LockOptions): Database.Database | null {
  const db = new Database(file, {
    timeout: 0,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS held (at TEXT)');
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw error;
  }
}

/**
 * One Assay process per data directory: a second one would race on the vault and the store.
 * The lock is an OS-level lock held for the life of the process, so there is nothing stale to
 * take over and no read-then-delete race between two starters. The info file (who, since when)
 * is rewritten only by the lock holder. One written by another host is never deleted: on a
 * network or shared volume OS locks may not reach across machines, so it is reported instead.
 */
export function acquireDataDirLock(dataDir: string, options: LockOptions = {}): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const infoFile = path.join(dataDir, LOCK_INFO);
  const key = path.resolve(infoFile);
  if (heldHere.has(key)) throw busy(dataDir, `process ${process.pid}, this one`);
  const db = takeOsLock(path.join(dataDir, LOCK_DB), options);
  if (!db) {
    const holder = readInfo(infoFile);
    throw busy(
      dataDir,
      holder
        ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}`
        : 'it is starting up',
    );
  }
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  const holder = readInfo(infoFile);
  if (holder && holder.host !== me.host) {
    db.close();
    throw new DataDirBusyError(
      `${dataDir} is marked in use by Assay on another computer (${holder.host}, process ${holder.pid}, ` +
        `started ${holder.startedAt}). Locks may not reach across computers on a shared or network ` +
        `folder, so Assay will not take it over. If that Assay is closed, delete ${infoFile} and start again.`,
    );
  }
  // Same host: a live pid that does not hold the OS lock is an older Assay (file lock only).
  if (holder && holder.pid !== me.pid && alive(holder.pid)) {
    db.close();
    throw busy(dataDir, `process ${holder.pid}, started ${holder.startedAt}`);
  }
  try {
    fs.writeFileSync(infoFile, JSON.stringify(me), { mode: 0o600 });
  } catch (error) {
    db.close();
    throw error;
  }
  heldHere.add(key);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    heldHere.delete(key);
    // Only our own record goes; the lock database stays (deleting it would let two starters
    // lock two different files).
    if (readInfo(infoFile)?.pid === me.pid) fs.rmSync(infoFile, { force: true });
    db.close();
  };
}
