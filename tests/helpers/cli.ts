import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './core';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');

/**
 * Runs the built `assay` CLI as a user would: no terminal (a passphrase prompt must not hang),
 * ASSAY_PASSPHRASE only when the test gives it.
 */
export function assayCli(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 120_000) {
  const { ASSAY_PASSPHRASE: _drop, ...base } = process.env;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...base, ...env },
    input: '',
    timeout,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
