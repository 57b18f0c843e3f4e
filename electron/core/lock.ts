import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds: a second acquire here must fail, not take over its own lock. */
const heldHere = new Set<string>();

/**
 * One Assay process per data directory: a second one would race on the vault and the store.
 * A lock left by a process that died is taken over; a live one is reported by pid.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'assay.lock');
  if (heldHere.has(path.resolve(file))) {
    throw new DataDirBusyError(
      `Another Assay is already using ${dataDir} (process ${process.pid}, this one). ` +
        'Close it first, or choose another data directory with --data-dir.',
    );
  }
  const info: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      heldHere.add(path.resolve(file));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(path.resolve(file));
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockInfo | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        holder = null;
      }
      if (holder && holder.host === info.host && holder.pid !== process.pid && alive(holder.pid)) {
        throw new DataDirBusyError(
          `Another Assay is already using ${dataDir} (process ${holder.pid}, started ${holder.startedAt}). ` +
            'Close it first, or choose another data directory with --data-dir.',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(
    `Could not lock ${dataDir}; another Assay may be starting at the same time.`,
  );
}
