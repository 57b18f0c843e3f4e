import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore, type Core } from '../../electron/core/start';

export const projectRoot = path.resolve(__dirname, '..', '..');

export function tempDir(prefix = 'assay-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real core on a real SQLite file in a fresh temp data directory. */
export async function startTestCore(
  dataDir = tempDir(),
  appRoot = projectRoot,
): Promise<Core & { dataDir: string }> {
  const core = await startCore({
    dataDir,
    appRoot,
    version: '0.0.0-test',
    transport: 'http',
    actor: 'tester',
    dispatch: { validateOutput: true },
  });
  return Object.assign(core, { dataDir });
}
