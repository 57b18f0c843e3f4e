import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore, type Core } from '../../electron/core/start';
import type { CommandErrorBody } from '../../shared/contracts/envelope';

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

/** `ok` answers a command's value (throwing on an error envelope); `failure` its error body. */
export function commandsOf(core: { dispatcher: Core['dispatcher'] }) {
  return {
    async ok<T>(name: string, payload: unknown): Promise<T> {
      const result = await core.dispatcher.dispatch(name, payload);
      if (!result.ok)
        throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async failure(name: string, payload: unknown): Promise<CommandErrorBody> {
      const result = await core.dispatcher.dispatch(name, payload);
      if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
      return result.error;
    },
  };
}
