import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { createUploadHandler } from '../../electron/web/upload';
import { startTestCore } from '../helpers/core';
import { seedAssessment, tableCounts } from '../helpers/db';
import { vaultFiles } from '../helpers/evidence';
import { rendererFixture, request } from '../helpers/web';

describe('POST /api/upload (browser mode)', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
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

  const upload = (
    query: Record<string, string>,
    body: string,
    headers: Record<string, string> = {},
  ) =>
    request(server.port, {
      method: 'POST',
      path: `/api/upload?${new URLSearchParams(query).toString()}`,
      headers: {
        Authorization: `Bearer ${server.token}`,
        'Content-Type': 'application/octet-stream',
        ...headers,
      },
      body,
    });

  it('streams a file into the vault and links it', async () => {
    const reply = await upload(
      {
        engagementId,
        fileName: 'Data inventory.csv',
        size: '12',
        taskId: 'up-1',
        requirementId: 'iso-iec-42001-2023:A.7.5',
      },
      'a,b\n1,2\n3,4\n',
    );
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body) as {
      ok: boolean;
      value: { id: string; linkCount: number };
    };
    expect(body.ok).toBe(true);
    expect(body.value.linkCount).toBe(1);
  });

  it('refuses without the token, from another origin or host, and with bad parameters', async () => {
    const before = tableCounts(core.store.sqlite);
    const objects = vaultFiles(core.dataDir, 'objects');
    const ok = { engagementId, fileName: 'x.txt', size: '1' };
    expect((await upload(ok, 'x', { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await upload(ok, 'x', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload(ok, 'x', { Host: 'evil.example' })).status).toBe(421);
    expect((await upload(ok, 'x', { 'Content-Type': 'text/plain' })).status).toBe(415);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ...ok, size: '0' }, '', /empty/],
      [{ ...ok, fileName: '../../etc/passwd' }, 'x', /not a path/],
      [{ ...ok, fileName: 'a\u202Egpj.exe' }, 'x', /U\+202E/],
      [{ ...ok, fileName: `${'x'.repeat(250)}` }, 'x', /longer than 200/],
      [{ ...ok, engagementId: '../x' }, 'x', /engagementId/],
      [{ ...ok, extra: '1' }, 'x', /extra|unrecognized|Unrecognized/i],
      [{ ...ok, size: '5' }, 'x', /does not match|1 of 5/],
    ];
    for (const [query, body, message] of cases) {
      const reply = await upload(query, body);
      const parsed = JSON.parse(reply.body) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(parsed.ok).toBe(false);
      expect(parsed.error.code).toBe('VALIDATION');
      expect(parsed.error.message).toMatch(message);
    }
    expect(tableCounts(core.store.sqlite)).toEqual(before);
    expect(vaultFiles(core.dataDir, 'objects')).toEqual(objects);
    expect(vaultFiles(core.dataDir, 'tmp')).toEqual([]);
  });
});
