import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { EvidenceDetail, EvidenceItem } from '../../shared/contracts/evidence';
import { importFile, importStream } from '../../electron/core/evidence';
import { startTestCore, tempDir } from '../helpers/core';
import { requirementKey, seedAssessment, tableCounts, type SeededIds } from '../helpers/db';
import { call, fails, vaultFiles, writeFiles } from '../helpers/evidence';

describe('evidence import, dedupe, links and delete', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
  let ids: SeededIds;
  beforeAll(async () => {
    core = await startTestCore();
    ids = seedAssessment(core.store.sqlite);
  });
  afterAll(() => core?.close());

  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('stores a file under objects/<aa>/<sha256> and records blob, item and audit', async () => {
    const files = writeFiles({ 'AI policy.md': '# AI policy\n\nApproved by the board.\n' });
    const progress: number[] = [];
    const off = core.events.subscribe((name, p) => {
      if (name === 'progress') progress.push((p as { done: number }).done);
    });
    const item = await importFile(core.ctx, files['AI policy.md'] ?? '', {
      engagementId: ids.engagementId,
    });
    off();
    const digest = sha('# AI policy\n\nApproved by the board.\n');
    expect(item).toMatchObject({
      sha256: digest,
      title: 'AI policy',
      originalName: 'AI policy.md',
      mediaType: 'text/markdown',
      status: 'received',
      classification: 'internal',
      previewKind: 'text',
    });
    expect(vaultFiles(core.dataDir, 'objects')).toContain(path.join(digest.slice(0, 2), digest));
    expect(vaultFiles(core.dataDir, 'tmp')).toEqual([]);
    expect(progress.at(-1)).toBe(item.size);
    const actions = core.store.sqlite
      .prepare('SELECT action FROM audit_log WHERE entity_id IN (?, ?) ORDER BY seq')
      .all(item.id, digest) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['evidence.object.store', 'evidence.import']);
  });

  it('keeps two records over one stored object when the same bytes come twice', async () => {
    const files = writeFiles({ 'a.csv': 'x,y\n1,2\n', 'copy of a.csv': 'x,y\n1,2\n' });
    const before = vaultFiles(core.dataDir, 'objects').length;
    const first = await importFile(core.ctx, files['a.csv'] ?? '', {
      engagementId: ids.engagementId,
    });
    const second = await importFile(core.ctx, files['copy of a.csv'] ?? '', {
      engagementId: ids.engagementId,
    });
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(vaultFiles(core.dataDir, 'objects').length).toBe(before + 1);
    const blobs = core.store.sqlite
      .prepare('SELECT count(*) AS n FROM evidence_blobs WHERE sha256 = ?')
      .get(first.sha256) as { n: number };
    expect(blobs.n).toBe(1);

    // Deleting one record keeps the object for the other; deleting the last removes it.
    const r1 = await call<{ objectRemoved: boolean }>(core, 'evidence.delete', { id: first.id });
    expect(r1.objectRemoved).toBe(false);
    expect(vaultFiles(core.dataDir, 'objects').length).toBe(before + 1);
    const r2 = await call<{ objectRemoved: boolean }>(core, 'evidence.delete', { id: second.id });
    expect(r2.objectRemoved).toBe(true);
    expect(vaultFiles(core.dataDir, 'objects').length).toBe(before);
    const audit = core.store.sqlite
      .prepare('SELECT action FROM audit_log WHERE entity_id IN (?, ?, ?) ORDER BY seq')
      .all(first.id, second.id, first.sha256) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'evidence.object.store',
      'evidence.import',
      'evidence.import',
      'evidence.delete',
      'evidence.delete',
      'evidence.object.remove',
    ]);
  });

  it('links an item to requirements, findings and lists where it is used', async () => {
    const files = writeFiles({ 'register.csv': 'risk,owner\nbias,CDO\n' });
    const item = await importFile(core.ctx, files['register.csv'] ?? '', {
      engagementId: ids.engagementId,
      requirementId: requirementKey('6.1.2'),
    });
    await call(core, 'evidence.link', {
      evidenceId: item.id,
      requirementId: requirementKey('A.7.5'),
    });
    // Linking twice changes nothing.
    await call(core, 'evidence.link', {
      evidenceId: item.id,
      requirementId: requirementKey('A.7.5'),
    });
    const detail = await call<EvidenceDetail>(core, 'evidence.link', {
      evidenceId: item.id,
      findingId: ids.findingId,
    });
    expect(detail.links.map((l) => `${l.kind}:${l.label}`).sort()).toEqual([
      'finding:F-001',
      'requirement:6.1.2',
      'requirement:A.7.5',
    ]);
    const forReq = await call<EvidenceItem[]>(core, 'evidence.forRequirement', {
      engagementId: ids.engagementId,
      requirementId: requirementKey('A.7.5'),
    });
    expect(forReq.map((i) => i.id)).toEqual([item.id]);
    const filtered = await call<EvidenceItem[]>(core, 'evidence.list', {
      engagementId: ids.engagementId,
      requirementId: requirementKey('6.1.2'),
      text: 'regis',
    });
    expect(filtered.map((i) => i.id)).toEqual([item.id]);

    const after = await call<EvidenceDetail>(core, 'evidence.unlink', {
      evidenceId: item.id,
      requirementId: requirementKey('A.7.5'),
    });
    expect(after.links).toHaveLength(2);
    const missing = await fails(core, 'evidence.unlink', {
      evidenceId: item.id,
      requirementId: requirementKey('A.7.5'),
    });
    expect(missing.code).toBe('NOT_FOUND');
    const two = await fails(core, 'evidence.link', {
      evidenceId: item.id,
      requirementId: requirementKey('A.7.5'),
      findingId: ids.findingId,
    });
    expect(two.code).toBe('VALIDATION');
    const unknownReq = await fails(core, 'evidence.link', {
      evidenceId: item.id,
      requirementId: 'iso-iec-42001-2023:Z.9',
    });
    expect(unknownReq.code).toBe('NOT_FOUND');
  });

  it('refuses a finding of another engagement', async () => {
    const other = seedAssessment(core.store.sqlite, 2);
    const files = writeFiles({ 'x.txt': 'x' });
    const item = await importFile(core.ctx, files['x.txt'] ?? '', {
      engagementId: ids.engagementId,
    });
    const error = await fails(core, 'evidence.link', {
      evidenceId: item.id,
      findingId: other.findingId,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('another engagement');
  });

  it('updates metadata with audit, and derives "expired" from valid until', async () => {
    const files = writeFiles({ 'cert.txt': 'certificate' });
    const item = await importFile(core.ctx, files['cert.txt'] ?? '', {
      engagementId: ids.engagementId,
    });
    const updated = await call<EvidenceDetail>(core, 'evidence.update', {
      id: item.id,
      title: 'Supplier certificate',
      description: '<b>not html</b>',
      providedBy: 'Ana (CISO)',
      collectedOn: '2025-01-01',
      owner: 'Procurement',
      validUntil: '2020-12-31',
      classification: 'confidential',
      status: 'accepted',
    });
    expect(updated.status).toBe('accepted');
    expect(updated.effectiveStatus).toBe('expired');
    const expired = await call<EvidenceItem[]>(core, 'evidence.list', {
      engagementId: ids.engagementId,
      status: 'expired',
      classification: 'confidential',
    });
    expect(expired.map((i) => i.id)).toEqual([item.id]);
    const bad = await fails(core, 'evidence.update', { ...updated, links: undefined, id: item.id });
    expect(bad.code).toBe('VALIDATION');
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const dir = tempDir('assay-bad-');
    const files = writeFiles({
      'empty.txt': '',
      [`${'n'.repeat(246)}.txt`]: 'long name',
      'ok.txt': 'fine',
    });
    fs.mkdirSync(path.join(dir, 'folder'));
    const unreadable = path.join(dir, 'secret.txt');
    fs.writeFileSync(unreadable, 'secret');
    fs.chmodSync(unreadable, 0o000);
    const before = tableCounts(core.store.sqlite);
    const objects = vaultFiles(core.dataDir, 'objects');
    const opts = { engagementId: ids.engagementId };
    const cases: [Promise<unknown>, RegExp][] = [
      [importFile(core.ctx, files['empty.txt'] ?? '', opts), /empty/],
      [importFile(core.ctx, path.join(dir, 'folder'), opts), /folder/],
      [importFile(core.ctx, path.join(dir, 'nope.txt'), opts), /does not exist/],
      [importFile(core.ctx, files[`${'n'.repeat(246)}.txt`] ?? '', opts), /longer than 200/],
      [
        importFile(core.ctx, files['ok.txt'] ?? '', { ...opts, fileName: 'invoice\u202Etxt.exe' }),
        /U\+202E/,
      ],
      [
        importFile(core.ctx, files['ok.txt'] ?? '', { ...opts, fileName: 'zero\u200Bwidth.txt' }),
        /U\+200B/,
      ],
      [
        importFile(core.ctx, files['ok.txt'] ?? '', { ...opts, fileName: 'bad\uD800.txt' }),
        /surrogate/,
      ],
      [
        importFile(core.ctx, files['ok.txt'] ?? '', { ...opts, fileName: 'line\nbreak.txt' }),
        /U\+000A/,
      ],
      [
        importFile(core.ctx, files['ok.txt'] ?? '', {
          engagementId: '01900000-0000-7000-8000-000000000000',
        }),
        /Engagement .* does not exist/,
      ],
    ];
    if (process.getuid?.() !== 0)
      cases.push([importFile(core.ctx, unreadable, opts), /cannot be read/]);
    for (const [promise, message] of cases) {
      await expect(promise).rejects.toMatchObject({ message: expect.stringMatching(message) });
    }
    for (const code of ['evidence.get', 'evidence.delete', 'evidence.preview']) {
      expect((await fails(core, code, { id: '01900000-0000-7000-8000-000000000000' })).code).toBe(
        'NOT_FOUND',
      );
    }
    expect((await fails(core, 'evidence.get', { id: '../../etc/passwd' })).code).toBe('VALIDATION');
    expect(tableCounts(core.store.sqlite)).toEqual(before);
    expect(vaultFiles(core.dataDir, 'objects')).toEqual(objects);
    expect(vaultFiles(core.dataDir, 'tmp')).toEqual([]);
  });

  it('cancels a running import by task id and keeps nothing', async () => {
    const before = tableCounts(core.store.sqlite);
    const objects = vaultFiles(core.dataDir, 'objects');
    // An endless source: only cancelling ends it.
    async function* endless() {
      for (;;) {
        await new Promise((r) => setTimeout(r, 5));
        yield Buffer.alloc(64 * 1024, 7);
      }
    }
    const running = importStream(core.ctx, Readable.from(endless()), {
      engagementId: ids.engagementId,
      fileName: 'stream.bin',
      taskId: 'task-1',
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(await call(core, 'evidence.cancelImport', { taskId: 'task-1' })).toEqual({
      ok: true,
      cancelled: true,
    });
    await expect(running).rejects.toMatchObject({ message: expect.stringMatching(/cancelled/) });
    expect(tableCounts(core.store.sqlite)).toEqual(before);
    expect(vaultFiles(core.dataDir, 'objects')).toEqual(objects);
    expect(vaultFiles(core.dataDir, 'tmp')).toEqual([]);
    expect(await call(core, 'evidence.cancelImport', { taskId: 'task-1' })).toEqual({
      ok: true,
      cancelled: false,
    });
  });

  it('refuses a stream shorter than its declared size', async () => {
    const before = tableCounts(core.store.sqlite);
    await expect(
      importStream(core.ctx, Readable.from([Buffer.from('abc')]), {
        engagementId: ids.engagementId,
        fileName: 'short.txt',
        expectedSize: 10,
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/3 of 10 bytes/) });
    expect(tableCounts(core.store.sqlite)).toEqual(before);
  });

  it('deleting an engagement cascades its records; the objects become unreferenced', async () => {
    const other = seedAssessment(core.store.sqlite, 3);
    const files = writeFiles({ 'only-here.txt': 'only in engagement 3' });
    await importFile(core.ctx, files['only-here.txt'] ?? '', { engagementId: other.engagementId });
    await call(core, 'engagements.delete', { id: other.engagementId });
    const rows = core.store.sqlite
      .prepare('SELECT count(*) AS n FROM evidence_items WHERE engagement_id = ?')
      .get(other.engagementId) as { n: number };
    expect(rows.n).toBe(0);
  });
});
