import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** How the store was opened: normally, or read-only because it is damaged. */
export type StoreHealth =
  | { readOnly: false; backupsDir: string }
  | { readOnly: true; reason: string; backupsDir: string; latestBackup: string | null };

/**
 * Why a change is refused on a damaged store opened read-only (with where the backups are), or
 * null when the store takes changes. The dispatcher says it for every `mutates` command; ways in
 * that bypass it (browser mode's upload, the CLI's imports) say it too, before writing anything.
 */
export function readOnlyRefusal(health: StoreHealth): string | null {
  if (!health.readOnly) return null;
  const backup = health.latestBackup
    ? `The newest backup is ${health.latestBackup}.`
    : `Backups are kept in ${health.backupsDir}.`;
  return `The database is damaged, so Assay opened it read-only and changes nothing. ${backup} Close Assay and restore a backup, or run "assay check" for details.`;
}

export function backupsDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Regular files directly in `dir` (or one level down, as in vault/objects/ab/…), none if absent. */
function filesIn(dir: string, depth = 0): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isFile()) return [full];
    return e.isDirectory() && depth > 0 ? filesIn(full, depth - 1) : [];
  });
}

/** The newest file in backups/ by modification time, or null. */
export function latestBackup(dataDir: string): string | null {
  const files = filesIn(backupsDirOf(dataDir)).map((f) => ({ f, t: fs.statSync(f).mtimeMs }));
  files.sort((a, b) => b.t - a.t);
  return files[0]?.f ?? null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What of the user's data sits in the data directory besides the database: evidence files,
 * signing identities, backups. An empty list means there is nothing a fresh store could hide.
 */
export function dataBesideStore(dataDir: string): string[] {
  const evidence = filesIn(path.join(dataDir, 'vault', 'objects'), 1).length;
  const identities = filesIn(path.join(dataDir, 'identities')).filter((f) =>
    f.endsWith('.p12'),
  ).length;
  const backups = filesIn(backupsDirOf(dataDir)).length;
  const found: string[] = [];
  if (evidence > 0) found.push(`${plural(evidence, 'evidence file', 'evidence files')} in vault/`);
  if (identities > 0)
    found.push(`${plural(identities, 'signing identity', 'signing identities')} in identities/`);
  if (backups > 0) found.push(`${plural(backups, 'backup', 'backups')} in backups/`);
  return found;
}

/** Where to go next after a store problem: the newest backup, or the folder that will hold one. */
export function restoreHint(dataDir: string): string {
  const backup = latestBackup(dataDir);
  return backup
    ? `The newest backup is ${backup}: close Assay, copy it to ${path.join(dataDir, 'assay.db')} and start again.`
    : `Backups are kept in ${backupsDirOf(dataDir)} (none yet).`;
}

/** PRAGMA quick_check or integrity_check: 'ok' or the problems SQLite lists (at most 100). */
export function checkIntegrity(
  sqlite: Database.Database,
  depth: 'quick' | 'full',
): { ok: boolean; problems: string[] } {
  const pragma = depth === 'quick' ? 'quick_check(100)' : 'integrity_check(100)';
  let rows: string[];
  try {
    rows = (sqlite.pragma(pragma) as Record<string, string>[]).map(
      (r) => Object.values(r)[0] ?? '',
    );
  } catch (error) {
    // A page too damaged to even walk makes the check itself fail: that is a finding too.
    rows = [(error as Error).message];
  }
  const ok = rows.length === 1 && rows[0] === 'ok';
  return { ok, problems: ok ? [] : rows };
}

/** Data directory 0700 and the store's files 0600 where the OS has such modes. */
export function makePrivate(dataDir: string, files: string[]): void {
  if (process.platform === 'win32') return;
  const chmod = (p: string, mode: number) => {
    try {
      fs.chmodSync(p, mode);
    } catch {
      // Not ours to change (a mount that ignores modes, another owner): nothing more to do.
    }
  };
  chmod(dataDir, 0o700);
  chmod(backupsDirOf(dataDir), 0o700);
  for (const file of files) if (fs.existsSync(file)) chmod(file, 0o600);
}

/** SQLite's result codes for a file that is not, or no longer, a sound database. */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

/**
 * What to tell a person when a read hit the damaged part of the database (SQLite said the file
 * is malformed), or null for any other error. It is not a bug to report but a store to restore.
 */
export function damagedReadMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !DAMAGE_CODES.test(code)) return null;
  return 'The data this needs sits in a damaged part of the database, so it cannot be read. Nothing was changed. Close Assay and restore a backup (the data folder\'s "backups"), or run "assay check" for details.';
}
