/**
 * A store opened read-only (damage found at start) takes no evidence by any way in: the CLI's and
 * the desktop dialog's import, and browser mode's POST /api/upload (which does not pass through
 * the command registry) are refused with READ_ONLY before a byte reaches the vault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/evidence';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { createUploadHandler } from '../../electron/web/upload';
import { startTestCore, tempDir } from '../helpers/core';
import { damagedStore, dbFile } from '../helpers/damaged-store';
import { rendererFixture, request } from '../helpers/web';

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => fs.statSync(path.join(dir, f)).isFile())
        .sort()
    : [];

describe('evidence on a damaged store opened read-only', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
  let server: WebServer;
  let dataDir: string;
  let before: Buffer;
  let engagementId: string;
  let vaultBefore: string[];
  beforeAll(async () => {
    ({ dataDir, before } = await damagedStore());
    vaultBefore = filesUnder(path.join(dataDir, 'vault'));
    core = await startTestCore(dataDir);
    expect(core.store.health.readOnly).toBe(true);
    const listed = await core.dispatcher.dispatch('engagements.list', {});
    engagementId = (listed.ok ? (listed.value as { id: string }[]) : [])[0]?.id ?? '';
    server = await startWebServer({
      dispatcher: core.dispatcher,
      events: core.events,
      rendererDir: rendererFixture(),
      upload: createUploadHandler(core.ctx),
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    core?.close();
  });

  it('refuses an import from a path with READ_ONLY and writes nothing', async () => {
    const file = path.join(tempDir(), 'policy.txt');
    fs.writeFileSync(file, 'An AI policy written after the damage.\n');
    await expect(importFile(core.ctx, file, { engagementId })).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    expect(filesUnder(path.join(dataDir, 'vault'))).toEqual(vaultBefore);
  });

  it("refuses browser mode's upload with READ_ONLY and writes nothing", async () => {
    const body = 'An AI policy written after the damage.\n';
    const query = new URLSearchParams({ engagementId, fileName: 'policy.txt', size: '39' });
    const reply = await request(server.port, {
      method: 'POST',
      path: `/api/upload?${query.toString()}`,
      headers: {
        Authorization: `Bearer ${server.token}`,
        'Content-Type': 'application/octet-stream',
      },
      body,
    });
    const answer = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('READ_ONLY');
    expect(filesUnder(path.join(dataDir, 'vault'))).toEqual(vaultBefore);
  });

  it('leaves the database file as it was', () => {
    expect(fs.readFileSync(dbFile(dataDir)).equals(before)).toBe(true);
  });
});
