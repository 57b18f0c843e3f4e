/**
 * The pack reads each evidence file once, straight into the archive, while the report renders
 * beside it: the bytes are still checked against the vault's hash (a file changed behind the
 * vault's back anywhere in it is refused), every entry's CRC-32 is that of its bytes (yazl's CRC
 * runs on zlib's), a failing report stops the archive, and the progress only moves forward.
 * The report render worker is a built file: run `npx electron-vite build` first.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EvidenceItem } from '../../shared/contracts/evidence';
import { buildPack } from '../../electron/core/packs/build';
import { verifyPack } from '../../electron/core/packs/verify';
import { importFile, objectPath } from '../../electron/core/evidence';
import type { CoreContext } from '../../electron/core/context';
import { tempDir } from '../helpers/core';
import { packFixture, PASSPHRASE } from '../helpers/packs';

const MiB = 1024 * 1024;
let fx: Awaited<ReturnType<typeof packFixture>>;
/** Deflated (small, unknown type) and stored (over 8 MiB): both span many read chunks. */
let deflated: EvidenceItem;
let stored: EvidenceItem;

beforeAll(async () => {
  fx = await packFixture();
  const dir = tempDir('assay-pack-one-pass-');
  const make = async (name: string, size: number) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, randomBytes(size));
    return importFile(fx.core.ctx, file, { engagementId: fx.engagementId });
  };
  deflated = await make('embeddings.bin', 3.5 * MiB);
  stored = await make('model-weights.bin', 9 * MiB + 123);
}, 120_000);

afterAll(() => {
  vi.restoreAllMocks();
  fx.core.close();
});

const build = (out: string, ctx: CoreContext = fx.core.ctx, onProgress?: (done: number) => void) =>
  buildPack(
    ctx,
    {
      assessmentId: fx.assessmentId,
      identityId: fx.identity.id,
      passphrase: PASSPHRASE,
      omitConfidential: false,
      out,
    },
    onProgress ? (p) => onProgress(p.total > 0 ? p.done / p.total : 0) : undefined,
  );

/** Each entry's CRC-32 as the central directory records it, and its bytes. */
async function entries(file: string): Promise<{ name: string; crc32: number; data: Buffer }[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: { name: string; crc32: number; data: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>)
      chunks.push(c);
    out.push({ name: entry.fileName, crc32: entry.crc32, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

/** Changes one byte of a vault object in place (same size), and gives a way to put it back. */
function flipByte(item: EvidenceItem, at: number): () => void {
  const file = objectPath(fx.core.dataDir, item.sha256);
  const original = fs.readFileSync(file);
  const changed = Buffer.from(original);
  changed[at] = (changed[at] ?? 0) ^ 0xff;
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, changed);
  return () => fs.writeFileSync(file, original);
}

describe('a pack reads its evidence once', () => {
  it('opens each vault object once, and the pack verifies with every CRC-32 that of its bytes', async () => {
    const opened: string[] = [];
    const real = fs.createReadStream.bind(fs);
    const spy = vi.spyOn(fs, 'createReadStream').mockImplementation(((
      file: fs.PathLike,
      options?: Parameters<typeof real>[1],
    ) => {
      opened.push(String(file));
      return real(file, options);
    }) as typeof fs.createReadStream);
    const dir = tempDir('assay-pack-out-');
    let built: Awaited<ReturnType<typeof build>>;
    try {
      built = await build(path.join(dir, 'pack.zip'));
    } finally {
      spy.mockRestore();
    }
    for (const item of [deflated, stored, fx.publicItem]) {
      const object = objectPath(fx.core.dataDir, item.sha256);
      expect(opened.filter((f) => path.resolve(f) === path.resolve(object))).toHaveLength(1);
    }
    expect((await verifyPack(built.path)).valid).toBe(true);
    // zlib.crc32 is the standard CRC-32 (check value of "123456789"), here over whole entries.
    expect(zlib.crc32('123456789')).toBe(0xcbf43926);
    const all = await entries(built.path);
    expect(all.length).toBe(built.files + 2);
    for (const e of all)
      expect({ name: e.name, crc32: zlib.crc32(e.data) }).toEqual({ name: e.name, crc32: e.crc32 });
  });
});

describe('the check against the vault still holds', () => {
  it.each([
    ['in the middle of a deflated file', () => deflated, () => Math.floor(deflated.size / 2)],
    ['in the last byte of a stored file', () => stored, () => stored.size - 1],
  ])("a byte changed %s behind the vault's back is refused, nothing left", async (_, item, at) => {
    const restore = flipByte(item(), at());
    const dir = tempDir('assay-pack-out-');
    try {
      await expect(build(path.join(dir, 'pack.zip'))).rejects.toThrow(`"${item().title}"`);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      restore();
    }
  });
});

describe('the report beside the archive', () => {
  it('a file found cut short after the report was signed is refused, not waited for', async () => {
    // The vault read of the stored file waits until the report is signed and the manifest is
    // being signed, then gives half of the file: the pack must fail, not wait for bytes that
    // will never come.
    let signed: () => void = () => undefined;
    const reportSigned = new Promise<void>((resolve) => (signed = resolve));
    const object = path.resolve(objectPath(fx.core.dataDir, stored.sha256));
    const real = fs.createReadStream.bind(fs);
    const spy = vi.spyOn(fs, 'createReadStream').mockImplementation(((
      file: fs.PathLike,
      options?: Parameters<typeof real>[1],
    ) => {
      if (path.resolve(String(file)) !== object) return real(file, options);
      const half = fs.readFileSync(object).subarray(0, Math.floor(stored.size / 2));
      return Readable.from(
        (async function* () {
          await reportSigned;
          yield half;
        })(),
      );
    }) as typeof fs.createReadStream);
    const dir = tempDir('assay-pack-out-');
    try {
      const built = buildPack(
        fx.core.ctx,
        {
          assessmentId: fx.assessmentId,
          identityId: fx.identity.id,
          passphrase: PASSPHRASE,
          omitConfidential: false,
          out: path.join(dir, 'pack.zip'),
        },
        (p) => {
          if (p.label === 'Signing the manifest') signed();
        },
      );
      await expect(built).rejects.toThrow(`"${stored.title}"`);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a report that cannot be rendered stops the pack and leaves nothing', async () => {
    const dir = tempDir('assay-pack-out-');
    const noFonts = { ...fx.core.ctx, resourcesDir: tempDir('assay-no-resources-') };
    await expect(build(path.join(dir, 'pack.zip'), noFonts)).rejects.toThrow(/report/i);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the progress only moves forward and ends complete', async () => {
    const seen: number[] = [];
    const dir = tempDir('assay-pack-out-');
    await build(path.join(dir, 'pack.zip'), fx.core.ctx, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i += 1)
      expect(seen[i] ?? 0).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
    expect(seen.at(-1)).toBe(1);
  });
});
