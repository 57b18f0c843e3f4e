/**
 * A large file (a pack's archive) goes to the disk while it is made, not all at the final fsync:
 * flushAlong asks for the bytes written so far to be put on the disk every so many bytes, one
 * request at a time, never holding the writing up, and says when none is in flight (before the
 * file is closed). On a real file in a temp directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushAlong, flushSoFar } from '../../electron/core/files';
import { tempDir } from '../helpers/core';

const KiB = 1024;

afterEach(() => vi.restoreAllMocks());

/** Counts fdatasync requests and how many were ever in flight at once; each takes `delay` ms. */
function watchFlushes(delay: number) {
  const real = fs.fdatasync;
  const seen = { calls: 0, inFlight: 0, most: 0 };
  vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: (e: Error | null) => void) => {
    seen.calls += 1;
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    setTimeout(
      () =>
        real(fd, (error) => {
          seen.inFlight -= 1;
          done(error);
        }),
      delay,
    );
  }) as typeof fs.fdatasync);
  return seen;
}

async function writeThrough(file: string, chunks: number, size: number, every: number) {
  const sink = fs.createWriteStream(file);
  await once(sink, 'open');
  const disk = flushAlong(() => flushSoFar(sink), every);
  for (let i = 0; i < chunks; i += 1) {
    const chunk = Buffer.alloc(size, i % 251);
    if (!sink.write(chunk)) await once(sink, 'drain');
    disk.written(chunk.length);
    // Let a pending request finish now and then, as the event loop does between chunks.
    if (i % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await disk.idle();
  sink.end();
  await once(sink, 'close');
}

describe('flushAlong', () => {
  it('asks for the bytes to be put on the disk every so often while they are written', async () => {
    const seen = watchFlushes(0);
    const file = path.join(tempDir('assay-flush-'), 'archive.zip');
    await writeThrough(file, 64, 64 * KiB, 512 * KiB); // 4 MiB, a request due every 512 KiB
    expect(seen.calls).toBeGreaterThanOrEqual(4);
    expect(seen.calls).toBeLessThanOrEqual(8);
    expect(fs.statSync(file).size).toBe(64 * 64 * KiB);
  });

  it('never has two requests in flight, and does not wait for a slow one before writing on', async () => {
    const seen = watchFlushes(40);
    const file = path.join(tempDir('assay-flush-'), 'archive.zip');
    await writeThrough(file, 64, 64 * KiB, 128 * KiB); // a request due every other chunk
    expect(seen.most).toBe(1);
    // 32 requests fell due, each taking 40 ms: those due while one was in flight were skipped,
    // not queued behind it.
    expect(seen.calls).toBeLessThan(32);
    expect(seen.calls).toBeGreaterThan(0);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBe(64 * 64 * KiB);
    expect(bytes[63 * 64 * KiB]).toBe(63 % 251);
  });

  it('says when no request is in flight, so the file is closed after the last one', async () => {
    const seen = watchFlushes(60);
    const file = path.join(tempDir('assay-flush-'), 'archive.zip');
    const sink = fs.createWriteStream(file);
    await once(sink, 'open');
    const disk = flushAlong(() => flushSoFar(sink), 10);
    sink.write(Buffer.alloc(20));
    disk.written(20);
    expect(seen.inFlight).toBe(1);
    await disk.idle();
    expect(seen.inFlight).toBe(0);
    await disk.idle(); // and at once when none is
    sink.end();
    await once(sink, 'close');
  });

  it('lets a failed request go: the final fsync decides', async () => {
    const disk = flushAlong(() => Promise.reject(new Error('EIO')), 1);
    disk.written(2);
    await expect(disk.idle()).resolves.toBeUndefined();
  });

  it('asks nothing of a stream that is not open yet', async () => {
    const seen = watchFlushes(0);
    const sink = fs.createWriteStream(path.join(tempDir('assay-flush-'), 'later.zip'));
    flushAlong(() => flushSoFar(sink), 1).written(10);
    await flushSoFar(sink);
    expect(seen.calls).toBe(0);
    sink.end();
    await once(sink, 'close');
  });
});
