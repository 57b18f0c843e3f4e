/**
 * Readiness packs on the small demo: build → verify → import into a reviewer's data directory.
 * The report render worker is a built file: run `npx electron-vite build` first.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, REPORT_PATH, type PackManifest } from '../../shared/contracts/packs';
import { buildPack, type BuiltPack } from '../../electron/core/packs/build';
import { importPack } from '../../electron/core/packs/import';
import { verifyPack } from '../../electron/core/packs/verify';
import { openSafeZip } from '../../electron/core/packs/archive-safety';
import { importFile } from '../../electron/core/evidence';
import { startTestCore, tempDir } from '../helpers/core';
import { hasTool, opensslCmsVerify } from '../helpers/signing';
import {
  packFixture,
  PASSPHRASE,
  sendIncoming,
  trustSigner,
  type TestCore,
} from '../helpers/packs';

let fx: Awaited<ReturnType<typeof packFixture>>;
let full: BuiltPack;
let reviewer: TestCore;

async function readEntry(zipPath: string, name: string): Promise<Buffer> {
  const zip = await openSafeZip(zipPath);
  try {
    const entry = zip.byName.get(name);
    if (!entry) throw new Error(`no ${name}`);
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openStream(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    return Buffer.concat(chunks);
  } finally {
    zip.close();
  }
}

const BIG = 40 * 1024 * 1024;

const incomingLeft = (core: TestCore) => fs.readdirSync(path.join(core.dataDir, 'incoming'));

beforeAll(async () => {
  fx = await packFixture();
  // One 40 MB random (incompressible) file makes the pack larger than browser mode's 32 MB body.
  const big = path.join(tempDir('assay-pack-big-'), 'model-weights.bin');
  fs.writeFileSync(big, randomBytes(BIG));
  await importFile(fx.core.ctx, big, { engagementId: fx.engagementId });
  const events: string[] = [];
  full = await buildPack(
    fx.core.ctx,
    {
      assessmentId: fx.assessmentId,
      identityId: fx.identity.id,
      passphrase: PASSPHRASE,
      omitConfidential: false,
    },
    (p) => events.push(p.label),
  );
  expect(events.some((l) => l.startsWith('Adding evidence/'))).toBe(true);
  reviewer = await startTestCore();
  trustSigner(reviewer, fx.identity);
}, 120_000);

afterAll(() => {
  fx.core.close();
  reviewer.close();
});

describe('readiness pack', () => {
  it('is written atomically under exports/ with every part in the manifest', async () => {
    const dir = path.join(fx.core.dataDir, 'exports');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(full.path.startsWith(dir)).toBe(true);
    const bytes = fs.readFileSync(full.path);
    expect(bytes.length).toBe(full.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(full.sha256);
    const manifest = JSON.parse(
      (await readEntry(full.path, MANIFEST_PATH)).toString(),
    ) as PackManifest;
    expect(manifest.format).toBe('assay-pack');
    expect(manifest.assessmentId).toBe(fx.assessmentId);
    expect(manifest.signer.fingerprint).toBe(fx.identity.fingerprint);
    const paths = manifest.files.map((f) => f.path);
    for (const p of [
      REPORT_PATH,
      'soa/statement-of-applicability.xlsx',
      'soa/statement-of-applicability.csv',
      'risks/risk-register.xlsx',
      'risks/risk-register.csv',
      'impact-assessments/impact-assessments.csv',
      'impact-assessments/impact-assessments.json',
      'documented-information-index.csv',
    ])
      expect(paths).toContain(p);
    expect(paths.some((p) => p.includes('board-minutes-secret.txt'))).toBe(true);
    const index = (await readEntry(full.path, 'documented-information-index.csv')).toString();
    expect(index).toContain('Statement of Applicability');
    expect(index).toContain('soa/statement-of-applicability.xlsx');
  });

  it('verifies: signature over the manifest, every hash, and the report signature', async () => {
    const result = await verifyPack(full.path);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.signer?.name).toBe('Pack Signer');
    expect(result.assessmentId).toBe(fx.assessmentId);
  });

  it('verifies with openssl and a plain sha256 check, without Assay', async () => {
    if (!hasTool('openssl')) return;
    const dir = tempDir('assay-pack-openssl-');
    const manifest = await readEntry(full.path, MANIFEST_PATH);
    const r = opensslCmsVerify(dir, manifest, await readEntry(full.path, 'manifest.json.p7s'));
    expect(r.out).toContain('Verification successful');
  });

  it('imports into a second data directory with files and hashes intact, read-only', async () => {
    const pack = await importPack(reviewer.ctx, full.path);
    expect(pack.assessmentId).toBe(fx.assessmentId);
    expect(pack.valid).toBe(true);
    const dir = path.join(reviewer.dataDir, 'packs', pack.id);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dir, MANIFEST_PATH), 'utf8'),
    ) as PackManifest;
    for (const f of manifest.files) {
      const bytes = fs.readFileSync(path.join(dir, ...f.path.split('/')));
      expect(bytes.length).toBe(f.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      expect(fs.statSync(path.join(dir, ...f.path.split('/'))).mode & 0o222).toBe(0);
    }
    expect(
      fs.readdirSync(path.join(reviewer.dataDir, 'packs')).some((n) => n.startsWith('staging-')),
    ).toBe(false);
    // Never merged into the reviewer's own records.
    const n = reviewer.store.sqlite.prepare('SELECT count(*) AS n FROM assessments').get() as {
      n: number;
    };
    expect(n.n).toBe(0);
    const audit = reviewer.store.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'packs.import'")
      .get() as { n: number };
    expect(audit.n).toBe(1);
    const list = await reviewer.dispatcher.dispatch('packs.list', {});
    expect(list.ok && (list.value as { id: string }[]).map((p) => p.id)).toEqual([pack.id]);
    const got = await reviewer.dispatcher.dispatch('packs.get', { id: pack.id, recheck: true });
    expect(got.ok && (got.value as { check: { valid: boolean } }).check.valid).toBe(true);
    const chunk = await reviewer.dispatcher.dispatch('packs.readFile', {
      id: pack.id,
      path: REPORT_PATH,
      offset: 0,
      length: 8,
    });
    expect(
      chunk.ok && Buffer.from((chunk.value as { base64: string }).base64, 'base64').toString(),
    ).toContain('%PDF');
    const escape = await reviewer.dispatcher.dispatch('packs.readFile', {
      id: pack.id,
      path: '../../assay.db',
      offset: 0,
      length: 8,
    });
    expect(escape.ok).toBe(false);
  });

  it('imports a pack over 40 MB handed over with incoming.*, and deletes what was received', async () => {
    expect(full.bytes).toBeGreaterThan(BIG);
    const other = await startTestCore();
    trustSigner(other, fx.identity);
    try {
      const token = await sendIncoming(other, full.path);
      const r = await other.dispatcher.dispatch('packs.importIncoming', { token });
      if (!r.ok) throw new Error(r.error.message);
      const pack = r.value as { id: string; valid: boolean; sourceName: string; bytes: number };
      expect(pack.valid).toBe(true);
      expect(pack.sourceName).toBe(full.fileName);
      expect(pack.bytes).toBeGreaterThan(BIG);
      const weights = fs
        .readdirSync(path.join(other.dataDir, 'packs', pack.id), { recursive: true })
        .map(String)
        .find((p) => p.endsWith('model-weights.bin'));
      expect(weights).toBeTruthy();
      expect(incomingLeft(other)).toEqual([]);
      // The token was used up; a second import with it finds nothing.
      const again = await other.dispatcher.dispatch('packs.importIncoming', { token });
      expect(!again.ok && again.error.code).toBe('NOT_FOUND');
      // A refused pack is deleted too and leaves no pack behind.
      const junk = path.join(tempDir('assay-pack-junk-'), 'junk.zip');
      fs.writeFileSync(junk, 'not a zip at all');
      const refused = await other.dispatcher.dispatch('packs.importIncoming', {
        token: await sendIncoming(other, junk),
      });
      expect(refused.ok).toBe(false);
      expect(incomingLeft(other)).toEqual([]);
      const list = await other.dispatcher.dispatch('packs.list', {});
      expect(list.ok && (list.value as unknown[]).length).toBe(1);
    } finally {
      other.close();
    }
  });

  it('verifies a pack over 40 MB and a signed report handed over with incoming.*', async () => {
    const d = reviewer.dispatcher;
    const pack = await d.dispatch('verify.incoming', {
      token: await sendIncoming(reviewer, full.path),
      fileName: full.fileName,
    });
    if (!pack.ok) throw new Error(pack.error.message);
    expect(pack.value).toMatchObject({ kind: 'pack', valid: true, problems: [] });
    expect((pack.value as { signer: { name: string } }).signer.name).toBe('Pack Signer');
    const pdf = path.join(tempDir('assay-pack-pdf-'), 'report.pdf');
    fs.writeFileSync(pdf, await readEntry(full.path, REPORT_PATH));
    const report = await d.dispatch('verify.incoming', {
      token: await sendIncoming(reviewer, pdf),
      fileName: 'report.pdf',
    });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({ kind: 'pdf', valid: true, coversWholeFile: true });
    const text = path.join(tempDir('assay-pack-txt-'), 'notes.txt');
    fs.writeFileSync(text, 'plain text');
    const refused = await d.dispatch('verify.incoming', {
      token: await sendIncoming(reviewer, text),
      fileName: 'notes.txt',
    });
    expect(!refused.ok && refused.error.message).toMatch(/notes\.txt is not a PDF/);
    expect(incomingLeft(reviewer)).toEqual([]);
  });

  it('notices a file changed after import when rechecked', async () => {
    const list = await reviewer.dispatcher.dispatch('packs.list', {});
    const id = list.ok ? ((list.value as { id: string }[])[0]?.id ?? '') : '';
    const file = path.join(reviewer.dataDir, 'packs', id, 'soa', 'statement-of-applicability.csv');
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'x');
    const got = await reviewer.dispatcher.dispatch('packs.get', { id, recheck: true });
    const check = got.ok
      ? (got.value as { check: { valid: boolean; problems: string[] } }).check
      : null;
    expect(check?.valid).toBe(false);
    expect(check?.problems.join(' ')).toContain('statement-of-applicability.csv');
  });

  it('skips a pack whose import note was edited by hand, refuses it by id, and still serves its files', async () => {
    const other = await startTestCore();
    trustSigner(other, fx.identity);
    try {
      const pack = await importPack(other.ctx, full.path);
      const note = path.join(other.dataDir, 'packs', pack.id, '.assay-import.json');
      fs.chmodSync(note, 0o644);
      fs.writeFileSync(note, JSON.stringify({ importedAt: 5, check: 'trust me' }));
      const list = await other.dispatcher.dispatch('packs.list', {});
      expect(list).toEqual({ ok: true, value: [] });
      const got = await other.dispatcher.dispatch('packs.get', { id: pack.id, recheck: false });
      expect(!got.ok && got.error.code).toBe('CONFLICT');
      expect(!got.ok && got.error.message).toContain('altered on disk');
      const manifest = await other.dispatcher.dispatch('packs.readFile', {
        id: pack.id,
        path: MANIFEST_PATH,
        offset: 0,
        length: 1024,
      });
      expect(manifest.ok).toBe(true);
    } finally {
      other.close();
    }
  });

  it('leaves confidential evidence out with omitConfidential', async () => {
    const omitted = await buildPack(fx.core.ctx, {
      assessmentId: fx.assessmentId,
      identityId: 'Pack Signer',
      passphrase: PASSPHRASE,
      omitConfidential: true,
    });
    const manifest = JSON.parse(
      (await readEntry(omitted.path, MANIFEST_PATH)).toString(),
    ) as PackManifest;
    expect(manifest.omitConfidential).toBe(true);
    const paths = manifest.files.map((f) => f.path);
    expect(paths.some((p) => p.includes('board-minutes-secret'))).toBe(false);
    expect(paths.some((p) => p.includes('ai-policy.md'))).toBe(true);
    expect((await verifyPack(omitted.path)).valid).toBe(true);
  });

  it('serves an exported pack to the browser only by a plain name from exports/', async () => {
    const d = fx.core.dispatcher;
    const ok = await d.dispatch('packs.readChunk', {
      fileName: full.fileName,
      offset: 0,
      length: 4,
    });
    expect(ok.ok && (ok.value as { size: number }).size).toBe(full.bytes);
    for (const fileName of ['../assay.db', '.hidden.zip', 'x/../../a.zip', 'missing.zip'])
      expect((await d.dispatch('packs.readChunk', { fileName, offset: 0, length: 4 })).ok).toBe(
        false,
      );
  });

  it('refuses a wrong passphrase before writing anything', async () => {
    const before = fs.readdirSync(path.join(fx.core.dataDir, 'exports')).sort();
    const r = await fx.core.dispatcher.dispatch('packs.export', {
      assessmentId: fx.assessmentId,
      identityId: fx.identity.id,
      passphrase: 'wrong passphrase',
    });
    expect(r.ok).toBe(false);
    expect(fs.readdirSync(path.join(fx.core.dataDir, 'exports')).sort()).toEqual(before);
  });
});
