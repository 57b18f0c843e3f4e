import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  incomingDir,
  sweepIncoming,
  takeIncoming,
  withIncoming,
} from '../../electron/core/transfer';
import { startTestCore } from '../helpers/core';

/** incoming.*: a large file handed to the main side in ordered chunks, then taken once. */
type TestCore = Awaited<ReturnType<typeof startTestCore>>;
const CHUNK = 3 * 1024 * 1024;
let core: TestCore;

beforeAll(async () => {
  core = await startTestCore();
});
afterAll(() => core.close());

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await core.dispatcher.dispatch(name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
async function failure(name: string, input: unknown) {
  const r = await core.dispatcher.dispatch(name, input);
  if (r.ok) throw new Error(`${name} succeeded`);
  return r.error;
}
const listing = () =>
  fs.existsSync(incomingDir(core.dataDir)) ? fs.readdirSync(incomingDir(core.dataDir)) : [];

async function send(bytes: Buffer, fileName = 'pack.zip'): Promise<string> {
  const { incomingId } = await call<{ incomingId: string }>('incoming.begin', {
    fileName,
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += CHUNK)
    await call('incoming.chunk', {
      incomingId,
      offset,
      base64: bytes.subarray(offset, offset + CHUNK).toString('base64'),
    });
  return (await call<{ token: string }>('incoming.end', { incomingId })).token;
}

describe('incoming files', () => {
  it('lands ordered chunks byte-identical, mode 0600, and take deletes it after use', async () => {
    const bytes = randomBytes(7 * 1024 * 1024 + 13);
    const token = await send(bytes);
    expect(listing()).toEqual([token]);
    const file = path.join(incomingDir(core.dataDir), token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const sha = await withIncoming(core.ctx, token, async (taken) => {
      expect(taken).toBe(fs.realpathSync(file));
      return createHash('sha256').update(fs.readFileSync(taken)).digest('hex');
    });
    expect(sha).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(listing()).toEqual([]);
    // Taken once: the same token again finds nothing.
    expect(() => takeIncoming(core.ctx, token)).toThrow(/does not exist/);
  });

  it('deletes the file even when its consumer fails', async () => {
    const token = await send(Buffer.from('not a pack'));
    await expect(
      withIncoming(core.ctx, token, () => Promise.reject(new Error('consumer failed'))),
    ).rejects.toThrow('consumer failed');
    expect(listing()).toEqual([]);
  });

  it('refuses chunks out of order and past the declared size, keeping nothing', async () => {
    const { incomingId } = await call<{ incomingId: string }>('incoming.begin', {
      fileName: 'a.zip',
      size: 10,
    });
    expect(
      fs.statSync(path.join(incomingDir(core.dataDir), `${incomingId}.part`)).mode & 0o777,
    ).toBe(0o600);
    const skipped = await failure('incoming.chunk', { incomingId, offset: 4, base64: 'AAAA' });
    expect(skipped.message).toMatch(/offset.*expected 0, got 4/);
    await call('incoming.chunk', {
      incomingId,
      offset: 0,
      base64: Buffer.alloc(6).toString('base64'),
    });
    const again = await failure('incoming.chunk', { incomingId, offset: 0, base64: 'AAAA' });
    expect(again.message).toMatch(/expected 6, got 0/);
    const over = await failure('incoming.chunk', {
      incomingId,
      offset: 6,
      base64: Buffer.alloc(5).toString('base64'),
    });
    expect(over.message).toMatch(/more bytes than the declared size/);
    expect(listing()).toEqual([]);
    expect((await failure('incoming.end', { incomingId })).code).toBe('NOT_FOUND');
  });

  it('refuses a declared size over 20 GiB, a chunk over 3 MiB and an incomplete end', async () => {
    const big = await failure('incoming.begin', { fileName: 'a.zip', size: 20 * 1024 ** 3 + 1 });
    expect(big.message).toMatch(/size.*20 GiB/);
    const { incomingId } = await call<{ incomingId: string }>('incoming.begin', {
      fileName: 'a.zip',
      size: 5 * 1024 * 1024,
    });
    const huge = await failure('incoming.chunk', {
      incomingId,
      offset: 0,
      base64: Buffer.alloc(CHUNK + 3).toString('base64'),
    });
    expect(huge.message).toMatch(/base64.*3 MiB/);
    await call('incoming.chunk', { incomingId, offset: 0, base64: 'AAAA' });
    const short = await failure('incoming.end', { incomingId });
    expect(short.message).toMatch(/received 3 of 5242880 bytes/);
    expect(listing()).toEqual([]);
  });

  it('keeps nothing of an aborted transfer', async () => {
    const { incomingId } = await call<{ incomingId: string }>('incoming.begin', {
      fileName: 'a.zip',
      size: 100,
    });
    await call('incoming.chunk', { incomingId, offset: 0, base64: 'AAAA' });
    expect(listing()).toEqual([`${incomingId}.part`]);
    expect(await call('incoming.abort', { incomingId })).toEqual({ ok: true });
    expect(listing()).toEqual([]);
    expect((await failure('incoming.chunk', { incomingId, offset: 3, base64: 'AAAA' })).code).toBe(
      'NOT_FOUND',
    );
    // Aborting twice, or an id never issued, is harmless.
    expect(await call('incoming.abort', { incomingId })).toEqual({ ok: true });
  });

  it('takes only a UUID it issued, strictly inside incoming/', async () => {
    for (const token of ['../assay.db', '../../etc/passwd', 'x', '', `${'0'.repeat(36)}`, 'a\0b'])
      expect(() => takeIncoming(core.ctx, token)).toThrow(/token: must be the token/);
    for (const token of ['../assay.db', '/etc/passwd', 'C:\\x', '%2e%2e%2fassay.db'])
      expect((await failure('packs.importIncoming', { token })).message).toMatch(/token/);
    expect((await failure('verify.incoming', { token: '../x', fileName: 'a.zip' })).code).toBe(
      'VALIDATION',
    );
    // A UUID it never issued (even a file planted under that name) is not found.
    const planted = '01234567-89ab-cdef-0123-456789abcdef';
    fs.writeFileSync(path.join(incomingDir(core.dataDir), planted), 'planted');
    expect(() => takeIncoming(core.ctx, planted)).toThrow(/does not exist/);
    fs.rmSync(path.join(incomingDir(core.dataDir), planted));
    // A finished file swapped for a link that points out is refused, and the link removed.
    const token = await send(Buffer.from('hello'));
    const file = path.join(incomingDir(core.dataDir), token);
    fs.rmSync(file);
    fs.symlinkSync(path.join(core.dataDir, 'assay.db'), file);
    expect(() => takeIncoming(core.ctx, token)).toThrow(/outside/);
    expect(listing()).toEqual([]);
  });

  it('does not reach another data directory’s transfers', async () => {
    const other = await startTestCore();
    try {
      const { incomingId } = await call<{ incomingId: string }>('incoming.begin', {
        fileName: 'a.zip',
        size: 3,
      });
      const r = await other.dispatcher.dispatch('incoming.chunk', {
        incomingId,
        offset: 0,
        base64: 'AAAA',
      });
      expect(r.ok).toBe(false);
      await call('incoming.abort', { incomingId });
    } finally {
      other.close();
    }
  });

  it('sweeps every *.part and finished files older than a day at start-up', async () => {
    const dataDir = core.dataDir;
    const dir = incomingDir(dataDir);
    const old = path.join(dir, '11111111-1111-4111-8111-111111111111');
    const fresh = path.join(dir, '22222222-2222-4222-8222-222222222222');
    const part = path.join(dir, '33333333-3333-4333-8333-333333333333.part');
    for (const f of [old, fresh, part]) fs.writeFileSync(f, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo);
    expect(sweepIncoming(core.ctx)).toEqual({ removed: 2 });
    expect(listing()).toEqual([path.basename(fresh)]);
    // The same sweep runs when a core starts.
    fs.writeFileSync(part, 'x');
    core.close();
    core = await startTestCore(dataDir);
    expect(listing()).toEqual([path.basename(fresh)]);
  });
});
