import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;

async function withEngagement(): Promise<{ core: TestCore; engagementId: string }> {
  const core = await startTestCore();
  const created = await core.dispatcher.dispatch('engagements.create', {
    clientName: 'Chunk Ltd',
    aimsScope: 'x',
    leadAssessor: 'L',
  });
  if (!created.ok) throw new Error(created.error.message);
  return { core, engagementId: (created.value as { id: string }).id };
}

async function call(core: TestCore, name: string, input: unknown) {
  return core.dispatcher.dispatch(name, input);
}

const vaultFiles = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, 'vault'))
    ? fs
        .readdirSync(path.join(dataDir, 'vault'), { recursive: true })
        .filter((f) => fs.statSync(path.join(dataDir, 'vault', String(f))).isFile())
    : [];

describe('chunked uploads (the desktop app’s drag and drop)', () => {
  it('stores a file sent in ordered chunks under its SHA-256', async () => {
    const { core, engagementId } = await withEngagement();
    const bytes = randomBytes(7 * 1024 * 1024 + 13);
    const begun = await call(core, 'evidence.uploadBegin', {
      engagementId,
      fileName: 'weights.bin',
      size: bytes.length,
    });
    expect(begun.ok).toBe(true);
    const { uploadId } = (begun as { value: { uploadId: string } }).value;
    for (let offset = 0; offset < bytes.length; offset += 3 * 1024 * 1024) {
      const chunk = bytes.subarray(offset, offset + 3 * 1024 * 1024);
      const sent = await call(core, 'evidence.uploadChunk', {
        uploadId,
        offset,
        base64: chunk.toString('base64'),
      });
      expect(sent.ok).toBe(true);
    }
    const ended = await call(core, 'evidence.uploadEnd', { uploadId });
    expect(ended.ok).toBe(true);
    const item = (ended as { value: { sha256: string; size: number } }).value;
    expect(item.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(item.size).toBe(bytes.length);
    core.close();
  });

  it('refuses chunks out of order or past the declared size, and keeps nothing of an aborted upload', async () => {
    const { core, engagementId } = await withEngagement();
    const begun = await call(core, 'evidence.uploadBegin', {
      engagementId,
      fileName: 'a.txt',
      size: 10,
    });
    const { uploadId } = (begun as { value: { uploadId: string } }).value;
    const gap = await call(core, 'evidence.uploadChunk', {
      uploadId,
      offset: 5,
      base64: Buffer.from('hello').toString('base64'),
    });
    expect(gap.ok ? 'ok' : gap.error.code).toBe('VALIDATION');
    const tooMuch = await call(core, 'evidence.uploadChunk', {
      uploadId,
      offset: 0,
      base64: Buffer.from('hello, world!').toString('base64'),
    });
    expect(tooMuch.ok ? 'ok' : tooMuch.error.code).toBe('VALIDATION');
    const after = await call(core, 'evidence.uploadEnd', { uploadId });
    expect(after.ok ? 'ok' : after.error.code).toBe('NOT_FOUND');

    const second = await call(core, 'evidence.uploadBegin', {
      engagementId,
      fileName: 'b.txt',
      size: 10,
    });
    const other = (second as { value: { uploadId: string } }).value.uploadId;
    await call(core, 'evidence.uploadChunk', {
      uploadId: other,
      offset: 0,
      base64: Buffer.from('hello').toString('base64'),
    });
    // The abort answers only once its bytes are gone: no wait, whatever the machine's load.
    expect((await call(core, 'evidence.uploadAbort', { uploadId: other })).ok).toBe(true);
    expect(vaultFiles(core.dataDir)).toEqual([]);
    const listed = await call(core, 'evidence.list', { engagementId });
    expect(listed.ok && (listed.value as unknown[]).length).toBe(0);
    core.close();
  });

  it('refuses an empty file or a bad name before anything is sent', async () => {
    const { core, engagementId } = await withEngagement();
    const empty = await call(core, 'evidence.uploadBegin', {
      engagementId,
      fileName: 'empty.txt',
      size: 0,
    });
    expect(empty.ok ? 'ok' : empty.error.code).toBe('VALIDATION');
    const badName = await call(core, 'evidence.uploadBegin', {
      engagementId,
      fileName: 'a\u202Etxt.exe',
      size: 3,
    });
    expect(badName.ok ? 'ok' : badName.error.code).toBe('VALIDATION');
    core.close();
  });
});
