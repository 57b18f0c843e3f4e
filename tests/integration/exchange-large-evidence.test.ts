import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngagement } from '../../electron/core/engagements';
import { importFile, objectPath } from '../../electron/core/evidence';
import { exportExchange, importExchange } from '../../electron/core/exchange';
import { MAGIC } from '../../electron/core/exchange/format';
import { startTestCore, tempDir } from '../helpers/core';
import { tableCounts } from '../helpers/db';
import { refused, variantOf } from '../helpers/exchange';

type Core = Awaited<ReturnType<typeof startTestCore>>;

const PASS = 'correct horse battery';
const MiB = 1024 * 1024;
/**
 * Evidence larger than the reader's windows and the writer's batches (8 MiB each) and not a
 * multiple of a chunk, so chunks straddle windows and batches end mid-chunk.
 */
const SIZES = [19 * MiB + 12_345, 3 * MiB + 7, 1];

let source: Core;
let file: string;
const hashes: string[] = [];
const work = tempDir('assay-exchange-large-');

beforeAll(async () => {
  source = await startTestCore();
  const engagementId = createEngagement(source.ctx, {
    clientName: 'Large evidence',
    aimsScope: 'Exchange',
    aiRoles: [],
    sites: [],
    leadAssessor: 'Tester',
    startDate: null,
    endDate: null,
    notes: '',
  }).id;
  for (const [i, size] of SIZES.entries()) {
    const bytes = randomBytes(size);
    const original = path.join(work, `evidence-${i}.bin`);
    fs.writeFileSync(original, bytes);
    hashes.push(createHash('sha256').update(bytes).digest('hex'));
    await importFile(source.ctx, original, { engagementId });
  }
  file = path.join(work, 'large.assayx');
  await exportExchange(source.ctx, {
    engagementId,
    out: file,
    passphrase: PASS,
    includeEvidence: true,
  });
}, 120_000);

afterAll(() => source.close());

describe('an exchange file with evidence larger than a read or a write', () => {
  test('every evidence file lands whole, byte for byte, under its hash', async () => {
    const target = await startTestCore();
    try {
      const result = await importExchange(target.ctx, file, { passphrase: PASS });
      expect(result.evidence).toMatchObject({ inFile: SIZES.length, newFiles: SIZES.length });
      for (const [i, sha256] of hashes.entries()) {
        const stored = fs.readFileSync(objectPath(target.dataDir, sha256));
        expect(stored.length).toBe(SIZES[i]);
        expect(createHash('sha256').update(stored).digest('hex')).toBe(sha256);
      }
      expect(fs.readdirSync(path.join(target.dataDir, 'vault', 'tmp'))).toEqual([]);
    } finally {
      target.close();
    }
  }, 120_000);

  test('a flipped byte or a cut anywhere past the first read is refused, nothing kept', async () => {
    const target = await startTestCore();
    try {
      const counts = tableCounts(target.store.sqlite);
      const bytes = fs.readFileSync(file);
      const headerEnd = MAGIC.length + 4 + bytes.readUInt32BE(MAGIC.length);
      // Either side of the second and third windows' starts, deep inside, and in the last chunk.
      const places = [
        headerEnd + 8 * MiB - 1,
        headerEnd + 8 * MiB,
        headerEnd + 16 * MiB + 2,
        Math.floor(bytes.length * 0.9),
        bytes.length - 20,
      ];
      for (const at of places) {
        const flip = (b: Buffer) => {
          b[at] = b[at]! ^ 0x40;
          return b;
        };
        const flipped = variantOf(work, bytes, `flip-${at}.assayx`, flip);
        await refused(importExchange(target.ctx, flipped, { passphrase: PASS }), 'TAMPERED');
        const cut = variantOf(work, bytes, `cut-${at}.assayx`, (b) => b.subarray(0, at));
        await refused(importExchange(target.ctx, cut, { passphrase: PASS }), 'TRUNCATED');
      }
      expect(tableCounts(target.store.sqlite)).toEqual(counts);
      expect(fs.readdirSync(path.join(target.dataDir, 'vault', 'tmp'))).toEqual([]);
      for (const sha256 of hashes)
        expect(fs.existsSync(objectPath(target.dataDir, sha256))).toBe(false);
    } finally {
      target.close();
    }
  }, 180_000);
});
