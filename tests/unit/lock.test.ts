import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError } from '../../electron/core/lock';
import { tempDir } from '../helpers/core';

const lockFile = (dir: string) => path.join(dir, 'assay.lock');
const readLock = (dir: string) =>
  JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as { pid: number; host: string };
const writeLock = (dir: string, pid: number, host = os.hostname()) =>
  fs.writeFileSync(
    lockFile(dir),
    JSON.stringify({ pid, host, startedAt: '2026-01-01T00:00:00.000Z' }),
  );

const releases: (() => void)[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0)) child.kill();
});

function acquire(dir: string): () => void {
  const release = acquireDataDirLock(dir);
  releases.push(release);
  return release;
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('data directory lock', () => {
  it('creates the data directory and a lock file naming this process', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    acquire(dir);
    expect(readLock(dir)).toMatchObject({ pid: process.pid, host: os.hostname() });
  });

  it('a second acquire on the same directory in this process throws DataDirBusyError naming the pid', () => {
    const dir = tempDir();
    acquire(dir);
    const error = catchError(() => acquire(dir));
    expect(error).toBeInstanceOf(DataDirBusyError);
    expect((error as Error).message).toContain(`process ${process.pid}`);
    expect(readLock(dir).pid).toBe(process.pid);
  });

  it('a lock held by another live process is refused, naming that pid', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    children.push(child);
    await new Promise<void>((resolve) => child.once('spawn', () => resolve()));
    const pid = child.pid ?? -1;
    writeLock(dir, pid);
    const error = catchError(() => acquire(dir));
    expect(error).toBeInstanceOf(DataDirBusyError);
    expect((error as Error).message).toContain(`process ${pid}`);
    expect((error as Error).message).toContain('Another Assay is already using');
    expect(readLock(dir).pid).toBe(pid);
  });

  it('a stale lock left by a process that has exited is taken over', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    const pid = await new Promise<number>((resolve) =>
      child.once('exit', () => resolve(child.pid ?? -1)),
    );
    writeLock(dir, pid);
    acquire(dir);
    expect(readLock(dir).pid).toBe(process.pid);
  });

  it('an unreadable lock file is taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), 'not json');
    acquire(dir);
    expect(readLock(dir).pid).toBe(process.pid);
  });

  it('release removes the lock file, is safe to call twice, and frees the directory', () => {
    const dir = tempDir();
    const release = acquire(dir);
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    release();
    acquire(dir);
    expect(fs.existsSync(lockFile(dir))).toBe(true);
  });

  it('release leaves alone a lock that another process has taken since', () => {
    const dir = tempDir();
    const release = acquire(dir);
    writeLock(dir, process.pid + 1_000_000);
    release();
    expect(readLock(dir).pid).toBe(process.pid + 1_000_000);
  });
});
