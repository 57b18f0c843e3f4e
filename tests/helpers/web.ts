import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startWebServer, type WebServer, type WebServerOptions } from '../../electron/web/server';
import { startTestCore, tempDir } from './core';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** node:http rather than fetch, so Host, Origin and raw paths go out exactly as written. */
export function request(port: number, options: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * A minimal built renderer (index.html with </head>, assets/app.js) in <root>/renderer, with a
 * secret package.json beside it in <root> and a symlink in assets/ pointing at that secret.
 */
export function rendererFixture(): string {
  const root = tempDir('assay-web-');
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <title>Assay</title>\n  </head>\n  <body></body>\n</html>\n',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("assay");\n');
  fs.writeFileSync(path.join(root, 'package.json'), '{"secret": "outside the renderer"}');
  fs.symlinkSync(path.join(root, 'package.json'), path.join(rendererDir, 'assets', 'link.json'));
  return rendererDir;
}

export interface TestWeb {
  core: Awaited<ReturnType<typeof startTestCore>>;
  server: WebServer;
  rendererDir: string;
  request(options: RequestOptions): Promise<Reply>;
  /** POST /api/<command> with the token and a JSON body. */
  call(command: string, body: unknown): Promise<Reply>;
  auth(): Record<string, string>;
  close(): Promise<void>;
}

export async function startTestWeb(
  options: Partial<Pick<WebServerOptions, 'maxBodyBytes' | 'token'>> = {},
): Promise<TestWeb> {
  const core = await startTestCore();
  const rendererDir = rendererFixture();
  const server = await startWebServer({
    dispatcher: core.dispatcher,
    events: core.events,
    rendererDir,
    ...options,
  });
  const auth = () => ({ Authorization: `Bearer ${server.token}` });
  return {
    core,
    server,
    rendererDir,
    auth,
    request: (o) => request(server.port, o),
    call: (command, body) =>
      request(server.port, {
        method: 'POST',
        path: `/api/${command}`,
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    close: async () => {
      await server.close();
      core.close();
    },
  };
}
