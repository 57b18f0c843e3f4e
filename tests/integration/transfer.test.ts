import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandFailure } from '../../electron/core/errors';
import { Transfers, transferKind } from '../../electron/core/transfer/inbound';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { createUploadHandler } from '../../electron/web/upload';
import { startTestCore, tempDir } from '../helpers/core';
import { seedAssessment, tableCounts } from '../helpers/db';
import { call, fails, vaultFiles } from '../helpers/evidence';
import { rendererFixture } from '../helpers/web';

/** The one inbound transfer: what evidence uploads, incoming files and browser uploads share. */
type TestCore = Awaited<ReturnType<typeof startTestCore>>;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const parts = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

/** Dropping a transfer removes its file asynchronously: wait (bounded) until it is gone. */
async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !check() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 10));
}

describe('the inbound transfer', () => {
  let core: TestCore;
  let engagementId: string;
  beforeAll(async () => {
    core = await startTestCore();
    engagementId = seedAssessment(core.store.sqlite).engagementId;
  });
  afterAll(() => core.close());

  const begin = (taskId: string, size = 10) =>
    call<{ uploadId: string }>(core, 'evidence.uploadBegin', {
      engagementId,
      fileName: 'notes.txt',
      size,
      taskId,
    });

  it('cancelling the task of an upload drops its bytes at once and says so on the next chunk', async () => {
    const before = tableCounts(core.store.sqlite);
    const { uploadId } = await begin('cancel-me');
    await call(core, 'evidence.uploadChunk', { uploadId, offset: 0, base64: b64('hello') });
    expect(vaultFiles(core.dataDir, 'tmp')).toHaveLength(1);
    expect(await call(core, 'evidence.cancelImport', { taskId: 'cancel-me' })).toEqual({
      ok: true,
      cancelled: true,
    });
    // Answered only once the bytes are gone: no wait, whatever the machine's load.
    expect(vaultFiles(core.dataDir, 'tmp')).toEqual([]);
    const next = await fails(core, 'evidence.uploadChunk', {
      uploadId,
      offset: 5,
      base64: b64('world'),
    });
    expect(next.code).toBe('CONFLICT');
    expect(next.message).toMatch(/cancelled; nothing was kept/);
    expect(next.details).toEqual({ cancelled: true });
    // Said once; then the upload is gone, and its task id is free again.
    expect((await fails(core, 'evidence.uploadEnd', { uploadId })).code).toBe('NOT_FOUND');
    const again = await begin('cancel-me');
    await call(core, 'evidence.uploadAbort', { uploadId: again.uploadId });
    expect(tableCounts(core.store.sqlite)).toEqual(before);
  });

  it('refuses a second running task under the same id as a conflict', async () => {
    const { uploadId } = await begin('twice');
    const clash = await fails(core, 'evidence.uploadBegin', {
      engagementId,
      fileName: 'other.txt',
      size: 3,
      taskId: 'twice',
    });
    expect(clash.code).toBe('CONFLICT');
    await call(core, 'evidence.uploadAbort', { uploadId });
  });

  it('keeps kinds apart: an upload id is no incoming file, and the reverse', async () => {
    const { uploadId } = await begin('kinds');
    expect(
      (await fails(core, 'incoming.chunk', { incomingId: uploadId, offset: 0, base64: b64('x') }))
        .code,
    ).toBe('NOT_FOUND');
    expect((await fails(core, 'incoming.end', { incomingId: uploadId })).code).toBe('NOT_FOUND');
    // Aborting it as an incoming file does nothing to the upload.
    await call(core, 'incoming.abort', { incomingId: uploadId });
    await call(core, 'evidence.uploadChunk', { uploadId, offset: 0, base64: b64('0123456789') });
    const item = await call<{ size: number }>(core, 'evidence.uploadEnd', { uploadId });
    expect(item.size).toBe(10);
    const { incomingId } = await call<{ incomingId: string }>(core, 'incoming.begin', {
      fileName: 'a.zip',
      size: 3,
    });
    expect((await fails(core, 'evidence.uploadEnd', { uploadId: incomingId })).code).toBe(
      'NOT_FOUND',
    );
    await call(core, 'incoming.abort', { incomingId });
  });

  it('does not let another core reach an upload (each core has its own transfers)', async () => {
    const other = await startTestCore();
    try {
      const { uploadId } = await begin('mine');
      const stray = await other.dispatcher.dispatch('evidence.uploadChunk', {
        uploadId,
        offset: 0,
        base64: b64('0123456789'),
      });
      expect(stray.ok ? 'ok' : stray.error.code).toBe('NOT_FOUND');
      expect(
        (await other.dispatcher.dispatch('evidence.cancelImport', { taskId: 'mine' })).ok && 'sent',
      ).toBe('sent');
      // The other core's cancel did not reach this core's task either.
      await call(core, 'evidence.uploadChunk', { uploadId, offset: 0, base64: b64('0123456789') });
      expect((await call<{ size: number }>(core, 'evidence.uploadEnd', { uploadId })).size).toBe(
        10,
      );
    } finally {
      other.close();
    }
  });

  it('drops what is still arriving when its core closes', async () => {
    const closing = await startTestCore();
    const ids = seedAssessment(closing.store.sqlite);
    const { incomingId } = await call<{ incomingId: string }>(closing, 'incoming.begin', {
      fileName: 'a.zip',
      size: 100,
    });
    await call(closing, 'incoming.chunk', { incomingId, offset: 0, base64: b64('abc') });
    await call(closing, 'evidence.uploadBegin', {
      engagementId: ids.engagementId,
      fileName: 'b.txt',
      size: 100,
    });
    expect(parts(path.join(closing.dataDir, 'incoming'))).toEqual([`${incomingId}.part`]);
    expect(vaultFiles(closing.dataDir, 'tmp')).toHaveLength(1);
    closing.close();
    await eventually(
      () =>
        parts(path.join(closing.dataDir, 'incoming')).length === 0 &&
        vaultFiles(closing.dataDir, 'tmp').length === 0,
    );
    expect(parts(path.join(closing.dataDir, 'incoming'))).toEqual([]);
    expect(vaultFiles(closing.dataDir, 'tmp')).toEqual([]);
  });
});

describe('the transfer registry', () => {
  const kind = transferKind<{ name: string }>({
    what: 'Test transfer',
    noun: 'transfer',
    idField: 'id',
    cancelled: 'Cancelled.',
  });

  it('drops a transfer left idle, keeping nothing', async () => {
    const dir = tempDir('assay-transfer-');
    const transfers = new Transfers(30);
    const id = await transfers.begin(kind, { name: 'x' }, { dir, size: 10, label: 'x' });
    await transfers.chunk(kind, id, 0, Buffer.from('abc'));
    expect(parts(dir)).toEqual([`${id}.part`]);
    await eventually(() => parts(dir).length === 0);
    expect(parts(dir)).toEqual([]);
    await expect(transfers.chunk(kind, id, 3, Buffer.from('d'))).rejects.toThrow(/does not exist/);
  });

  it('hands the finished file, its hash and the meta given at begin to the consumer', async () => {
    const dir = tempDir('assay-transfer-');
    const transfers = new Transfers();
    const id = await transfers.begin(kind, { name: 'pack' }, { dir, size: 6, label: 'x' });
    await transfers.chunk(kind, id, 0, Buffer.from('abc'));
    await transfers.chunk(kind, id, 3, Buffer.from('def'));
    const { received, meta } = await transfers.finish(kind, id);
    expect(meta).toEqual({ name: 'pack' });
    expect(received.sha256).toBe(
      'bef57ec7f53a6d40beb640a780a639c83bc29ac8a9816f1fc6c5c6dcd93c4721',
    );
    expect(fs.readFileSync(received.file, 'utf8')).toBe('abcdef');
    expect(received.head.toString()).toBe('abcdef');
  });

  it('refuses more than sixteen transfers at once', async () => {
    const dir = tempDir('assay-transfer-');
    const transfers = new Transfers();
    for (let i = 0; i < 16; i += 1)
      await transfers.begin(kind, { name: `${i}` }, { dir, size: 1, label: 'x' });
    const refused = await transfers
      .begin(kind, { name: 'one too many' }, { dir, size: 1, label: 'x' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CommandFailure);
    expect((refused as CommandFailure).code).toBe('CONFLICT');
    await transfers.close();
    expect(parts(dir)).toEqual([]);
  });
});

describe('POST /api/upload through the transfer', () => {
  let core: TestCore;
  let server: WebServer;
  let engagementId: string;
  beforeAll(async () => {
    core = await startTestCore();
    engagementId = seedAssessment(core.store.sqlite).engagementId;
    server = await startWebServer({
      dispatcher: core.dispatcher,
      events: core.events,
      rendererDir: rendererFixture(),
      upload: createUploadHandler(core.ctx),
    });
  });
  afterAll(async () => {
    await server?.close();
    core?.close();
  });

  /** A chunked body (no Content-Length), so only the transfer can see it run past its size. */
  function chunkedUpload(size: number, pieces: string[]) {
    return new Promise<{ ok: boolean; error?: { code: string; message: string } }>(
      (resolve, reject) => {
        const params = new URLSearchParams({ engagementId, fileName: 'x.txt', size: `${size}` });
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: `/api/upload?${params.toString()}`,
            headers: {
              Host: `127.0.0.1:${server.port}`,
              Authorization: `Bearer ${server.token}`,
              'Content-Type': 'application/octet-stream',
              'Transfer-Encoding': 'chunked',
            },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve(JSON.parse(body) as { ok: boolean }));
          },
        );
        req.on('error', reject);
        for (const piece of pieces) req.write(piece);
        req.end();
      },
    );
  }

  it('refuses a body that runs past its declared size, keeping nothing', async () => {
    const before = tableCounts(core.store.sqlite);
    const reply = await chunkedUpload(4, ['abc', 'def', 'ghi']);
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('VALIDATION');
    expect(reply.error?.message).toMatch(/more bytes than the declared size/);
    expect(tableCounts(core.store.sqlite)).toEqual(before);
    expect(vaultFiles(core.dataDir, 'tmp')).toEqual([]);
    expect(vaultFiles(core.dataDir, 'objects')).toEqual([]);
  });

  it('stores a chunked body of exactly its declared size', async () => {
    const reply = await chunkedUpload(9, ['abc', 'def', 'ghi']);
    expect(reply.ok).toBe(true);
    expect(vaultFiles(core.dataDir, 'objects')).toHaveLength(1);
  });
});
