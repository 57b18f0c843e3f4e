import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  isAtomicTemp,
  removeStrayTemps,
  writeFileAtomic,
  writeFileAtomicUnique,
  writeStreamAtomic,
} from '../../electron/core/files/atomic-write';
import { tempDir } from '../helpers/core';

const listing = (dir: string) => fs.readdirSync(dir).sort();

describe('atomic write', () => {
  it('writes the whole file with the requested mode and leaves no temp file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.bin');
    await writeFileAtomic(target, Buffer.from('hello'), { mode: 0o600 });
    expect(fs.readFileSync(target, 'utf8')).toBe('hello');
    expect(listing(dir)).toEqual(['out.bin']);
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('replaces an existing file in one step', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.txt');
    fs.writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(listing(dir)).toEqual(['out.txt']);
  });

  it('removes its temp file when the rename fails, and leaves the target alone', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, 'bytes')).rejects.toThrow();
    expect(listing(dir)).toEqual(['taken']);
    expect(listing(target)).toEqual(['keep']);
  });

  it('removes its temp file when the source stream fails half-way, and creates no target', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'pack.zip');
    let sent = 0;
    const source = new Readable({
      read() {
        sent += 1;
        if (sent < 5) this.push(Buffer.alloc(64 * 1024, sent));
        else this.destroy(new Error('evidence file changed on disk'));
      },
    });
    await expect(writeStreamAtomic(target, source)).rejects.toThrow(/changed on disk/);
    expect(listing(dir)).toEqual([]);
  });

  it('removes its temp file when the producer aborts the sink', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'report.pdf');
    await expect(
      writeStreamAtomic(target, async (sink) => {
        sink.write(Buffer.alloc(1024));
        throw new Error('render failed');
      }),
    ).rejects.toThrow(/render failed/);
    expect(listing(dir)).toEqual([]);
  });

  it('streams a whole file into place', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'big.bin');
    const chunks = Array.from({ length: 20 }, (_, i) => Buffer.alloc(100_000, i));
    await writeStreamAtomic(target, Readable.from(chunks));
    expect(fs.statSync(target).size).toBe(2_000_000);
    expect(listing(dir)).toEqual(['big.bin']);
  });

  it('never overwrites an earlier file when asked for a unique name', async () => {
    const dir = tempDir();
    const first = await writeFileAtomicUnique(dir, 'report.pdf', 'one');
    const second = await writeFileAtomicUnique(dir, 'report.pdf', 'two');
    const third = await writeFileAtomicUnique(dir, 'report.pdf', 'three');
    expect([first, second, third]).toEqual(['report.pdf', 'report-2.pdf', 'report-3.pdf']);
    expect(fs.readFileSync(path.join(dir, 'report.pdf'), 'utf8')).toBe('one');
    expect(listing(dir)).toEqual(['report-2.pdf', 'report-3.pdf', 'report.pdf']);
  });

  it('gives every concurrent writer of one name its own file', async () => {
    const dir = tempDir();
    const names = await Promise.all(
      Array.from({ length: 8 }, (_, i) => writeFileAtomicUnique(dir, 'pack.zip', String(i))),
    );
    expect(new Set(names).size).toBe(8);
    expect(listing(dir)).toHaveLength(8);
  });

  it('sweeps the temp files a crashed writer left behind, and nothing else', async () => {
    const dir = tempDir();
    // A pid above any kernel's pid_max is a writer that is certainly gone.
    fs.writeFileSync(path.join(dir, '.pack.zip.99999999.abcd1234.tmp'), 'partial');
    const live = `.report.pdf.${process.pid}.0badf00d.tmp`;
    fs.writeFileSync(path.join(dir, live), 'still being written');
    fs.writeFileSync(path.join(dir, 'pack.zip'), 'done');
    fs.writeFileSync(path.join(dir, '.hidden-note'), 'mine');
    fs.writeFileSync(path.join(dir, 'notes.tmp'), 'user file');
    expect(isAtomicTemp('.pack.zip.99999999.abcd1234.tmp')).toBe(true);
    expect(await removeStrayTemps(dir)).toBe(1);
    expect(listing(dir)).toEqual(['.hidden-note', live, 'notes.tmp', 'pack.zip'].sort());
    expect(await removeStrayTemps(path.join(dir, 'missing'))).toBe(0);
  });
});
