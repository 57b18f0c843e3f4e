/**
 * Exports that fail cleanly: an evidence file altered or cut short behind the app's back makes
 * the pack export refuse with the evidence named, leaves no partial (hidden) pack beside the
 * output, and never kills the process with an unhandled stream error.
 * The report render worker is a built file: run `npx electron-vite build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/core/packs/build';
import { objectPath } from '../../electron/core/evidence';
import { startTestCore, tempDir } from '../helpers/core';
import { packFixture, PASSPHRASE } from '../helpers/packs';

let fx: Awaited<ReturnType<typeof packFixture>>;

beforeAll(async () => {
  fx = await packFixture();
}, 120_000);

afterAll(() => fx.core.close());

function alterObject(sha256: string, change: (bytes: Buffer) => Buffer): () => void {
  const file = objectPath(fx.core.dataDir, sha256);
  const original = fs.readFileSync(file);
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, change(Buffer.from(original)));
  return () => fs.writeFileSync(file, original);
}

const build = (out: string) =>
  buildPack(fx.core.ctx, {
    assessmentId: fx.assessmentId,
    identityId: fx.identity.id,
    passphrase: PASSPHRASE,
    omitConfidential: false,
    out,
  });

describe('a pack export over a damaged evidence file', () => {
  it.each([
    ['altered in place (same size)', (b: Buffer) => Buffer.from(b.fill(0x41))],
    ['cut short', (b: Buffer) => b.subarray(0, 10)],
    ['grown', (b: Buffer) => Buffer.concat([b, Buffer.from('appended after import')])],
  ])('%s is refused, names the file and leaves nothing beside the output', async (_, change) => {
    const restore = alterObject(fx.publicItem.sha256, change);
    const dir = tempDir('assay-pack-out-');
    try {
      await expect(build(path.join(dir, 'pack.zip'))).rejects.toThrow(/ai-policy|AI policy/i);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      restore();
    }
  });

  it('a vanished evidence file is refused by name too', async () => {
    const file = objectPath(fx.core.dataDir, fx.publicItem.sha256);
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    const dir = tempDir('assay-pack-out-');
    try {
      await expect(build(path.join(dir, 'pack.zip'))).rejects.toThrow(/ai-policy|AI policy/i);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.writeFileSync(file, saved);
    }
  });

  it('after a failure the same export succeeds once the file is right again', async () => {
    const dir = tempDir('assay-pack-out-');
    const built = await build(path.join(dir, 'pack.zip'));
    expect(fs.readdirSync(dir)).toEqual([path.basename(built.path)]);
  });
});

describe('temp files from a crash', () => {
  it('are removed from exports/ at start, and finished exports stay', async () => {
    const dataDir = tempDir();
    const exports = path.join(dataDir, 'exports');
    fs.mkdirSync(exports);
    fs.writeFileSync(
      path.join(exports, '.client-readiness-pack.zip.99999999.1764547200000.tmp'),
      'x',
    );
    fs.writeFileSync(path.join(exports, '.client-report.pdf.99999999.deadbeef.tmp'), 'x');
    fs.writeFileSync(path.join(exports, 'client-report.pdf'), 'issued');
    const core = await startTestCore(dataDir);
    try {
      expect(fs.readdirSync(exports)).toEqual(['client-report.pdf']);
    } finally {
      core.close();
    }
  });
});
