import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EvidencePreview,
  IntegrityReport,
  RequestList,
} from '../../shared/contracts/evidence';
import { importFile, resolveObject } from '../../electron/core/evidence';
import { resolveInside } from '../../electron/core/transfer';
import { startTestCore, tempDir } from '../helpers/core';
import { requirementKey, seedAssessment, type SeededIds } from '../helpers/db';
import { call, fails, vaultFiles, writeFiles } from '../helpers/evidence';

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('evidence vault: check, sweep, paths, preview, request list', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
  let ids: SeededIds;
  beforeAll(async () => {
    core = await startTestCore();
    ids = seedAssessment(core.store.sqlite);
  });
  afterAll(() => core?.close());

  const objectFile = (sha: string) =>
    path.join(core.dataDir, 'vault', 'objects', sha.slice(0, 2), sha);

  it('a clean vault checks clean', async () => {
    const files = writeFiles({ 'one.txt': 'one', 'two.txt': 'two' });
    for (const f of Object.values(files))
      await importFile(core.ctx, f, { engagementId: ids.engagementId });
    const report = await call<IntegrityReport>(core, 'evidence.check', {});
    expect(report).toMatchObject({ ok: true, objects: 2, items: 2, missing: [], altered: [] });
  });

  it('detects missing, altered and unreferenced files', async () => {
    const files = writeFiles({ 'gone.txt': 'gone', 'changed.txt': 'changed' });
    const gone = await importFile(core.ctx, files['gone.txt'] ?? '', {
      engagementId: ids.engagementId,
    });
    const changed = await importFile(core.ctx, files['changed.txt'] ?? '', {
      engagementId: ids.engagementId,
    });
    fs.rmSync(objectFile(gone.sha256));
    fs.chmodSync(objectFile(changed.sha256), 0o600);
    fs.writeFileSync(objectFile(changed.sha256), 'tampered');
    const stray = path.join(core.dataDir, 'vault', 'objects', 'ab', 'ab'.padEnd(64, '0'));
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'nobody knows me');
    const report = await call<IntegrityReport>(core, 'evidence.check', {});
    expect(report.ok).toBe(false);
    expect(report.missing).toEqual([{ sha256: gone.sha256, items: [gone.id] }]);
    expect(report.altered.map((a) => a.sha256)).toEqual([changed.sha256]);
    expect(report.unreferenced).toEqual([{ name: `ab/${'ab'.padEnd(64, '0')}`, size: 15 }]);
    // Preview of a missing file says so instead of crashing.
    expect((await fails(core, 'evidence.preview', { id: gone.id })).code).toBe('NOT_FOUND');
    // Repair for the next tests: delete the damaged records and the stray file.
    await call(core, 'evidence.delete', { id: gone.id });
    await call(core, 'evidence.delete', { id: changed.id });
    fs.rmSync(stray);
    expect((await call<IntegrityReport>(core, 'evidence.check', {})).ok).toBe(true);
  });

  it('refuses paths that climb out, absolute paths, NUL and links out of the vault', async () => {
    const root = path.join(core.dataDir, 'vault', 'objects');
    const outside = path.join(tempDir('assay-outside-'), 'secret.txt');
    fs.writeFileSync(outside, 'secret');
    for (const name of [
      '../assay.db',
      '../../etc/passwd',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      '\\\\server\\share\\x',
      'ab/../../../x',
      'a\0b',
      '%2e%2e/assay.db',
    ]) {
      expect(resolveInside(root, name)).toBeNull();
    }
    // A link planted in the vault under an object's name is refused, not followed.
    const files = writeFiles({ 'real.txt': 'real' });
    const item = await importFile(core.ctx, files['real.txt'] ?? '', {
      engagementId: ids.engagementId,
    });
    const file = objectFile(item.sha256);
    fs.rmSync(file);
    fs.symlinkSync(outside, file);
    expect(() => resolveObject(core.dataDir, item.sha256)).toThrow(/outside the vault/);
    expect(
      (await fails(core, 'evidence.readChunk', { id: item.id, offset: 0, length: 10 })).code,
    ).toBe('FORBIDDEN');
    expect(() => resolveObject(core.dataDir, '../../assay.db')).toThrow(/Not a stored file/);
    fs.rmSync(file);
    fs.writeFileSync(file, 'real');
    expect(resolveObject(core.dataDir, item.sha256)).toBe(fs.realpathSync(file));
    // Commands take ids only: a path where an id belongs is a validation error.
    expect((await fails(core, 'evidence.preview', { id: '/etc/passwd' })).code).toBe('VALIDATION');
    expect((await fails(core, 'evidence.preview', { id: item.id, path: '/etc/passwd' })).code).toBe(
      'VALIDATION',
    );
  });

  it('previews text capped and as text, images and PDFs by chunks', async () => {
    const big = 'a'.repeat(2 * 1024 * 1024 + 10);
    const files = writeFiles({
      'notes.md': '# Notes\n<script>alert(1)</script>\n',
      'big.txt': big,
      'pixel.png': PNG_1x1,
      'fake.png': 'not a png at all',
      'doc.pdf': '%PDF-1.4\n%%EOF\n',
    });
    const md = await importFile(core.ctx, files['notes.md'] ?? '', {
      engagementId: ids.engagementId,
    });
    const preview = await call<EvidencePreview>(core, 'evidence.preview', { id: md.id });
    expect(preview).toMatchObject({ kind: 'text', text: '# Notes\n<script>alert(1)</script>\n' });
    const large = await importFile(core.ctx, files['big.txt'] ?? '', {
      engagementId: ids.engagementId,
    });
    const capped = await call<EvidencePreview>(core, 'evidence.preview', { id: large.id });
    expect(capped.kind === 'text' && capped.truncated && capped.text.length).toBe(2 * 1024 * 1024);
    const png = await importFile(core.ctx, files['pixel.png'] ?? '', {
      engagementId: ids.engagementId,
    });
    expect(png.mediaType).toBe('image/png');
    expect((await call<EvidencePreview>(core, 'evidence.preview', { id: png.id })).kind).toBe(
      'image',
    );
    const chunk = await call<{ base64: string; size: number }>(core, 'evidence.readChunk', {
      id: png.id,
      offset: 0,
      length: 4 * 1024 * 1024,
    });
    expect(Buffer.from(chunk.base64, 'base64').equals(PNG_1x1)).toBe(true);
    const fake = await importFile(core.ctx, files['fake.png'] ?? '', {
      engagementId: ids.engagementId,
    });
    expect(fake.previewKind).toBe('none');
    const pdf = await importFile(core.ctx, files['doc.pdf'] ?? '', {
      engagementId: ids.engagementId,
    });
    expect(pdf.previewKind).toBe('pdf');
    const tooBig = await fails(core, 'evidence.readChunk', { id: pdf.id, offset: 0, length: 5e6 });
    expect(tooBig.code).toBe('VALIDATION');
  });

  it('builds the evidence request list and its CSV', async () => {
    const files = writeFiles({ 'provenance.csv': 'dataset,source\n' });
    const item = await importFile(core.ctx, files['provenance.csv'] ?? '', {
      engagementId: ids.engagementId,
      requirementId: requirementKey('A.7.5'),
    });
    const list = await call<RequestList>(core, 'evidence.requestList', {
      assessmentId: ids.assessmentId,
    });
    expect(list.rows).toHaveLength(70);
    const a75 = list.rows.find((r) => r.ref === 'A.7.5');
    expect(a75?.state).toBe('received');
    expect(a75?.items.map((i) => i.id)).toEqual([item.id]);
    expect(a75?.missing).toEqual([]);
    const other = list.rows.find((r) => r.ref === '6.1.2');
    expect(other?.state).toBe('missing');
    expect(other?.missing.length).toBeGreaterThan(0);
    expect(other?.missing[0]?.label).not.toMatch(/^[a-z-]+$/);
    expect(list.counts).toEqual({ requirements: 70, received: 1, missing: 69 });

    await call(core, 'evidence.update', {
      id: item.id,
      title: '=HYPERLINK("http://x")',
      classification: 'internal',
      status: 'received',
    });
    const csv = await call<{ csv: string; fileName: string }>(core, 'evidence.requestListCsv', {
      engagementId: ids.engagementId,
    });
    const lines = csv.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Requirement,Title,Evidence to provide,Received so far,State,Still missing',
    );
    expect(lines.length).toBe(72);
    expect(csv.csv).toContain(`"'=HYPERLINK(""http://x"") (received)"`);
    expect(csv.fileName).toMatch(/\.csv$/);
    const both = await fails(core, 'evidence.requestList', {
      assessmentId: ids.assessmentId,
      engagementId: ids.engagementId,
    });
    expect(both.code).toBe('VALIDATION');
  });

  it('sweeps temp files and unused objects at start', async () => {
    const tmp = path.join(core.dataDir, 'vault', 'tmp');
    fs.writeFileSync(path.join(tmp, 'left-over.part'), 'half a file');
    const other = seedAssessment(core.store.sqlite, 4);
    const files = writeFiles({ 'orphan.txt': 'orphaned by engagement delete' });
    const item = await importFile(core.ctx, files['orphan.txt'] ?? '', {
      engagementId: other.engagementId,
    });
    await call(core, 'engagements.delete', { id: other.engagementId });
    const before = await call<IntegrityReport>(core, 'evidence.check', {});
    expect(before.tempFiles).toBe(1);
    expect(before.unreferenced.map((u) => u.name)).toEqual([
      `${item.sha256.slice(0, 2)}/${item.sha256}`,
    ]);
    const dataDir = core.dataDir;
    core.close();
    core = await startTestCore(dataDir);
    expect(vaultFiles(dataDir, 'tmp')).toEqual([]);
    expect(fs.existsSync(objectFile(item.sha256))).toBe(false);
    expect((await call<IntegrityReport>(core, 'evidence.check', {})).ok).toBe(true);
  });
});
