/** A static file that disappears between the path check and the read must not kill browser mode. */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestWeb, type TestWeb } from '../helpers/web';

let web: TestWeb;
beforeAll(async () => {
  web = await startTestWeb();
});
afterAll(() => web.close());

describe('a static file that vanishes mid-request', () => {
  it('answers 404 (or drops that one reply) and keeps serving', async () => {
    const spy = vi.spyOn(fs, 'createReadStream').mockImplementationOnce(() => {
      const gone = new PassThrough();
      setImmediate(() =>
        gone.destroy(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })),
      );
      return gone as unknown as fs.ReadStream;
    });
    try {
      const reply = await web.request({ path: '/assets/app.js' }).catch(() => null);
      if (reply) expect(reply.status).toBe(404);
    } finally {
      spy.mockRestore();
    }
    const again = await web.request({ path: '/assets/app.js' });
    expect(again.status).toBe(200);
    expect(again.body).toContain('assay');
  });
});
