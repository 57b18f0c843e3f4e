import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWeb, type TestWeb } from '../helpers/web';

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb();
});
afterAll(() => web.close());

describe('browser-mode server: the page and static files', () => {
  async function loadIndex() {
    const reply = await web.request({ path: '/' });
    expect(reply.status).toBe(200);
    const csp = String(reply.headers['content-security-policy'] ?? '');
    const header = /'nonce-([^']+)'/.exec(csp)?.[1];
    const meta = /<meta name="assay-style-nonce" content="([^"]+)"/.exec(reply.body)?.[1];
    return { csp, header, meta };
  }

  it('serves index.html with a strict CSP whose nonce matches the meta tag and changes per load', async () => {
    const first = await loadIndex();
    const second = await loadIndex();
    for (const load of [first, second]) {
      expect(load.csp).toContain("default-src 'none'");
      expect(load.csp).toContain("script-src 'self'");
      expect(load.csp).not.toContain('unsafe-inline');
      expect(load.csp).not.toContain('unsafe-eval');
      expect(load.header).toBeTruthy();
      expect(load.meta).toBe(load.header);
    }
    expect(second.header).not.toBe(first.header);
  });

  it('serves a built asset with its content type and security headers', async () => {
    const reply = await web.request({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.body).toContain('assay');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/%00x',
    '/assets/app.js%00.png',
    '/assets/..%5c..%5cpackage.json',
    '/assets/link.json',
    '/%E0%A4%A',
    '/assets',
  ])('refuses %s with 404 and never shows a file outside the renderer', async (target) => {
    const reply = await web.request({ path: target });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('secret');
  });
});

describe('browser-mode server: events', () => {
  it('refuses the event stream without the token', async () => {
    expect((await web.request({ path: '/api/events' })).status).toBe(401);
    expect((await web.request({ path: '/api/events?token=wrong' })).status).toBe(401);
  });

  it('streams an event emitted on the core to a client holding the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: web.server.port,
          path: `/api/events?token=${encodeURIComponent(web.server.token)}`,
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes(': connected')) {
              web.core.events.emit('data.changed', { domain: 'engagements', id: 'e-1' });
            }
            if (text.includes('event: data.changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(received).toContain(
      'event: data.changed\ndata: {"domain":"engagements","id":"e-1"}\n\n',
    );
  });
});
