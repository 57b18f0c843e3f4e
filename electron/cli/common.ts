import path from 'node:path';
import { CommandFailure } from '../core/errors';
import { DataDirBusyError } from '../core/lock';
import { damagedReadMessage, StoreError } from '../core/db';
import { CatalogError } from '../core/catalog';
import { defaultDataDir, findAppRoot } from '../core/paths';
import { startCore, type Core } from '../core/start';
import pkg from '../../package.json';

export const version: string = pkg.version;

export function appRoot(): string {
  return findAppRoot(__dirname);
}

export function resolveDataDir(option: string | undefined): string {
  return option ? path.resolve(option) : defaultDataDir();
}

export async function openCore(dataDir: string | undefined): Promise<Core> {
  return startCore({
    dataDir: resolveDataDir(dataDir),
    appRoot: appRoot(),
    version,
    transport: 'http',
  });
}

const SYSTEM_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way',
  EMFILE: 'too many files are open',
};

/**
 * A file-system error a person can act on (read-only folder, full disk …) as one plain sentence,
 * or null for anything else. Nothing was half-written: every write goes through temp + rename.
 */
export function plainSystemError(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, path: where } = error as NodeJS.ErrnoException;
  const problem = code ? SYSTEM_PROBLEMS[code] : undefined;
  if (!problem) return null;
  return `cannot use${where ? ` ${where}` : ''}: ${problem} (${code}). Nothing was changed; free some space or choose a folder you can write to (--data-dir).`;
}

/** Names and emails come from certificates: keep terminal control characters out of the output. */
export const printable = (value: string) =>
  Array.from(value, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? '?' : ch;
  }).join('');

/**
 * Errors a person can act on are printed plainly (exit 1): a full or read-only disk, a command's
 * refusal, a store or catalog problem, a usage mistake. Anything else goes on up to main(), which
 * logs its stack in the data directory and prints one line (see cli/unexpected.ts).
 */
export function reportAndExit(error: unknown): never {
  const system = plainSystemError(error);
  if (system) {
    process.stderr.write(`assay: ${system}\n`);
    process.exit(1);
  }
  if (error instanceof CommandFailure) {
    process.stderr.write(`assay: ${printable(error.message)}\n`);
    process.exit(1);
  }
  const damage = damagedReadMessage(error);
  if (damage) {
    process.stderr.write(`assay: ${damage}\n`);
    process.exit(1);
  }
  if (
    error instanceof StoreError ||
    error instanceof DataDirBusyError ||
    error instanceof CatalogError ||
    (error instanceof Error && error.name === 'UsageError')
  ) {
    process.stderr.write(`assay: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
