/**
 * The CLI on a store or data directory it cannot use: a plain sentence and exit 1, never a stack
 * trace; `assay check` runs the full integrity check and reports damage.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainSystemError } from '../../electron/cli/common';
import { seedDemo } from '../../electron/core/demo/seed';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const assay = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const errno = (code: string, where: string) =>
  Object.assign(new Error(`${code}: boom, open '${where}'`), { code, path: where });

describe('plain errors from the file system', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'permission denied'],
  ])('%s becomes one sentence naming the path', (code, words) => {
    const message = plainSystemError(errno(code, '/data/assay.db'));
    expect(message).toContain(words);
    expect(message).toContain('/data/assay.db');
  });

  it('anything else is not dressed up', () => {
    expect(plainSystemError(new Error('a bug'))).toBeNull();
  });

  it('a data directory that cannot be made prints no stack trace', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    const result = assay(['catalog', '--summary', '--data-dir', path.join(file, 'data')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^assay: cannot use .*a part of the path is a file/);
    expect(result.stderr).not.toContain('    at ');
  });
});

describe('assay check', () => {
  it('reports a damaged database and exits 1; a healthy one passes', async () => {
    const dataDir = tempDir();
    const core = await startTestCore(dataDir);
    await seedDemo(core.ctx, { size: 'small', seed: 9 });
    const root = core.store.sqlite
      .prepare("SELECT rootpage AS page FROM sqlite_master WHERE name = 'responses'")
      .get() as { page: number };
    core.close();
    const healthy = assay(['check', '--data-dir', dataDir]);
    expect(healthy.stdout).toContain('Database: intact');
    expect(healthy.code).toBe(0);
    const handle = fs.openSync(path.join(dataDir, 'assay.db'), 'r+');
    const garbage = Buffer.alloc(1500, 0xa5);
    fs.writeSync(handle, garbage, 0, garbage.length, root.page * 4096 - garbage.length);
    fs.closeSync(handle);
    const damaged = assay(['check', '--data-dir', dataDir]);
    expect(damaged.stdout).toContain('Database: DAMAGED');
    expect(damaged.code).toBe(1);
  });
});
