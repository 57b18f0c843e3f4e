import path from 'node:path';
import { DataDirBusyError } from '../core/lock';
import { StoreError } from '../core/db';
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

/**
 * Errors a person can act on are printed plainly (exit 1). Anything else goes on up to main(),
 * which logs its stack in the data directory and prints one line (see cli/unexpected.ts).
 */
export function reportAndExit(error: unknown): never {
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
