/**
 * The data-directory lock is an OS-level lock held for the life of the process. Its lock file only
 * says who holds it: rewriting or deleting that file behind a live Assay's back never lets a
 * second one in (and so a second start-up sweep never deletes the first one's upload in
 * progress); a lock file from another host is reported, never deleted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError } from '../../electron/core/lock';
import { projectRoot, tempDir } from '../helpers/core';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const lockFile = (dir: string) => path.join(dir, 'assay.lock');
const DEAD_PID = 99_999_999;

const children: ChildProcess[] = [];
const releases: (() => void)[] = [];
afterEach(() => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function serve(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^Open: /m.test(out)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

function tryAcquire(dir: string): unknown {
  try {
    releases.push(acquireDataDirLock(dir));
    return null;
  } catch (error) {
    return error;
  }
}

describe('the OS-level data-directory lock', () => {
  it('a live holder keeps the directory even when its lock file is rewritten as stale', async () => {
    const dataDir = tempDir();
    await serve(dataDir);
    const stale = { pid: DEAD_PID, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' };
    fs.writeFileSync(lockFile(dataDir), JSON.stringify(stale));
    expect(tryAcquire(dataDir)).toBeInstanceOf(DataDirBusyError);
    fs.rmSync(lockFile(dataDir));
    expect(tryAcquire(dataDir)).toBeInstanceOf(DataDirBusyError);
  });

  it("a second process's start-up never sweeps the first one's upload in progress", async () => {
    const dataDir = tempDir();
    await serve(dataDir);
    const part = path.join(dataDir, 'vault', 'tmp', 'upload-in-progress.part');
    fs.writeFileSync(part, 'half of a large file');
    fs.rmSync(lockFile(dataDir)); // as if a stale-lock takeover or a careless cleanup removed it
    const second = spawnSync(
      process.execPath,
      [bin, 'catalog', '--summary', '--data-dir', dataDir],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('Another Assay is already using');
    expect(fs.readFileSync(part, 'utf8')).toBe('half of a large file');
  });

  it('a lock file from another host is reported and never deleted', () => {
    const dataDir = tempDir();
    const theirs = JSON.stringify({
      pid: 4242,
      host: 'build-server-7',
      startedAt: '2026-11-30T08:00:00.000Z',
    });
    fs.writeFileSync(lockFile(dataDir), theirs);
    const error = tryAcquire(dataDir);
    expect(error).toBeInstanceOf(DataDirBusyError);
    expect((error as Error).message).toContain('build-server-7');
    expect((error as Error).message).toContain(lockFile(dataDir));
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(theirs);
  });

  it('the lock is gone with the process: a killed holder frees the directory at once', async () => {
    const dataDir = tempDir();
    const child = await serve(dataDir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(tryAcquire(dataDir)).toBeNull();
    expect(JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
  });
});
