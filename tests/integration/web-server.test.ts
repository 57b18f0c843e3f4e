import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../electron/web/server';
import { request, startTestWeb, type TestWeb } from '../helpers/web';

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb();
});
afterAll(() => web.close());

const jsonHeaders = () => ({ ...web.auth(), 'Content-Type': 'application/json' });

describe('browser-mode server: who may call the API', () => {
  it('listens on loopback only', () => {
    expect(web.server.url).toBe(`http://127.0.0.1:${web.server.port}/`);
    expect(web.server.openUrl).toBe(`${web.server.url}?token=${web.server.token}`);
  });

  it('answers an API call without a token with 401', async () => {
    const reply = await web.request({
      method: 'POST',
      path: '/api/app.info',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it('answers an API call with a wrong token with 401', async () => {
    for (const token of ['wrong', `${web.server.token}x`, web.server.token.slice(1), '']) {
      const reply = await web.request({
        method: 'POST',
        path: '/api/app.info',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(reply.status, token).toBe(401);
    }
  });

  it('refuses a foreign Host header with 421 (DNS rebinding)', async () => {
    const reply = await web.request({
      method: 'POST',
      path: '/api/app.info',
      headers: { ...jsonHeaders(), Host: 'evil.example' },
      body: '{}',
    });
    expect(reply.status).toBe(421);
    const page = await web.request({
      path: '/',
      headers: { Host: `evil.example:${web.server.port}` },
    });
    expect(page.status).toBe(421);
  });

  it('refuses a foreign Origin with 403', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${web.server.port + 1}`,
      'null',
    ]) {
      const reply = await web.request({
        method: 'POST',
        path: '/api/app.info',
        headers: { ...jsonHeaders(), Origin: origin },
        body: '{}',
      });
      expect(reply.status, origin).toBe(403);
    }
    const own = await web.request({
      method: 'POST',
      path: '/api/app.info',
      headers: { ...jsonHeaders(), Origin: `http://localhost:${web.server.port}` },
      body: '{}',
    });
    expect(own.status).toBe(200);
  });

  it('answers GET on an API path with 405', async () => {
    expect((await web.request({ path: '/api/x', headers: web.auth() })).status).toBe(405);
  });

  it('answers a body that is not declared JSON with 415', async () => {
    const reply = await web.request({
      method: 'POST',
      path: '/api/app.info',
      headers: { ...web.auth(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(reply.status).toBe(415);
  });
});

describe('browser-mode server: commands', () => {
  it('runs a valid command and returns its envelope', async () => {
    const reply = await web.call('app.info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { name: 'Assay', transport: 'http' },
    });
  });

  it('a malformed payload is a VALIDATION envelope naming the field, and the next valid call works', async () => {
    const bad = await web.call('engagements.create', {
      clientName: 42,
      aimsScope: 'Scope',
      leadAssessor: 'Lead',
    });
    expect(bad.status).toBe(200);
    const body = JSON.parse(bad.body) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(body.error.message).toContain('clientName');

    const good = await web.call('engagements.create', {
      clientName: 'Fabrikam',
      aimsScope: 'Scope',
      leadAssessor: 'Lead',
    });
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { clientName: 'Fabrikam' } });
  });

  it('a body that is not valid JSON is a VALIDATION error, not a crash', async () => {
    const reply = await web.request({
      method: 'POST',
      path: '/api/engagements.create',
      headers: jsonHeaders(),
      body: '{"clientName": ',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await web.call('app.info', {})).status).toBe(200);
  });

  it('a command name with broken percent-encoding is refused and the server keeps serving', async () => {
    const reply = await web.call('%E0%A4%A', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect((await web.call('app.info', {})).status).toBe(200);
  });

  it('a request line the URL parser cannot read is refused and the server keeps serving', async () => {
    const reply = await web.request({ path: 'http://[::1' });
    expect(reply.status).toBe(400);
    expect((await web.call('app.info', {})).status).toBe(200);
  });

  it('an unknown command is an UNKNOWN_COMMAND envelope', async () => {
    const reply = await web.call('nope.nothing', {});
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });
});

describe('browser-mode server: request bodies', () => {
  it('refuses a body over the size limit with 413 before parsing it', async () => {
    const small = await startWebServer({
      dispatcher: web.core.dispatcher,
      events: web.core.events,
      rendererDir: web.rendererDir,
      maxBodyBytes: 1024,
    });
    try {
      const reply = await request(small.port, {
        method: 'POST',
        path: '/api/engagements.create',
        headers: { Authorization: `Bearer ${small.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientName: 'x'.repeat(4096) }),
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      await small.close();
    }
  });

  it('a client that hangs up halfway through its body does not take the server down', async () => {
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: web.server.port,
        method: 'POST',
        path: '/api/engagements.create',
        headers: { ...jsonHeaders(), 'Content-Length': '1000' },
      });
      req.on('error', () => resolve());
      req.write('{"clientName": "half', () => setImmediate(() => req.destroy()));
    });
    const after = await web.call('app.info', {});
    expect(after.status).toBe(200);
  });
});
