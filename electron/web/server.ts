import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Dispatcher } from '../core/dispatch';
import type { EventBus } from '../core/events';
import { contentSecurityPolicy, injectNonce, newNonce, securityHeaders } from './html';
import { mimeType } from './mime';
import { resolveStatic } from './static-files';
import type { UploadHandler } from './upload';

export interface WebServerOptions {
  dispatcher: Dispatcher;
  events: EventBus;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body; larger ones are refused before parsing. */
  maxBodyBytes?: number;
  /** Streams POST /api/upload into the evidence vault (electron/web/upload.ts). */
  upload?: UploadHandler;
}

export interface WebServer {
  url: string;
  /** The URL with the token, which the browser needs once. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Connection limits. One person's browser needs a handful of connections (about six per host plus
 * the event stream), so past MAX_CONNECTIONS the oldest connections with no request in progress
 * are closed to make room: thousands of idle sockets (another local program, a port scanner)
 * can neither run the process out of file descriptors nor keep a real request from being served.
 * A connection must send its headers within HEADERS_TIMEOUT_MS (loopback sends them at once).
 */
export const CONNECTION_LIMITS = {
  maxConnections: 128,
  headersTimeoutMs: 10_000,
  /** The whole request body, uploads included (a 32 MB body over loopback takes well under it). */
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
};

/** Tracks every open connection and whether a request is in progress on it. */
function connectionGuard(server: http.Server, max: number) {
  const open = new Map<Socket, { busy: number }>(); // insertion order: oldest first
  server.on('connection', (socket: Socket) => {
    open.set(socket, { busy: 0 });
    socket.once('close', () => open.delete(socket));
    let excess = open.size - max;
    for (const [candidate, state] of open) {
      if (excess <= 0) break;
      if (state.busy > 0) continue;
      candidate.destroy();
      open.delete(candidate);
      excess -= 1;
    }
  });
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = open.get(req.socket);
    if (!state) return;
    state.busy += 1;
    res.once('close', () => {
      state.busy -= 1;
    });
  };
}

export class WebTokenError extends Error {
  override name = 'UsageError';
}

/**
 * Browser mode: the same command registry over loopback HTTP. Loopback only; a random per-run
 * token on every API call; Host and Origin checked so neither DNS rebinding nor another local
 * page can reach the store.
 */
/** A token given from outside (ASSAY_TOKEN) must be as hard to guess as the one we make. */
const MIN_TOKEN_LENGTH = 32;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  if (options.token !== undefined && !/^[A-Za-z0-9_-]{32,256}$/.test(options.token)) {
    throw new WebTokenError(
      `ASSAY_TOKEN must be ${MIN_TOKEN_LENGTH} to 256 letters, digits, "-" or "_" (a random one is made when it is not set); a short or guessable token would let any local page in.`,
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const indexFile = path.join(options.rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(
      `The renderer is not built (${indexFile} is missing). Run "npm run build" first.`,
    );
  }
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  const tokenOk = (presented: string | undefined): boolean => {
    if (!presented) return false;
    const a = Buffer.from(presented);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer(
    {
      headersTimeout: CONNECTION_LIMITS.headersTimeoutMs,
      requestTimeout: CONNECTION_LIMITS.requestTimeoutMs,
      keepAliveTimeout: CONNECTION_LIMITS.keepAliveTimeoutMs,
      // How often Node looks for connections past those timeouts (default 30 s).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => handle(req, res),
  );
  const markBusy = connectionGuard(server, CONNECTION_LIMITS.maxConnections);

  function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    markBusy(req, res);
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) return plain(res, 421, 'Unknown host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin))
      return plain(res, 403, 'Cross-origin requests are refused.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return plain(res, 400, 'Bad request.');
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!tokenOk(url.searchParams.get('token') ?? undefined))
        return plain(res, 401, 'Missing or wrong token.');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return undefined;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return plain(res, 405, 'Use POST.');
      const auth = req.headers.authorization;
      if (!tokenOk(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined)) {
        return plain(res, 401, 'Missing or wrong token.');
      }
      if (url.pathname === '/api/upload' && options.upload) return options.upload(req, res, url);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return plain(res, 415, 'Send JSON (Content-Type: application/json).');
      }
      const name = safeDecode(url.pathname.slice('/api/'.length));
      // A client that hangs up mid-body rejects the read; that must not become an unhandled rejection.
      handleCommand(req, res, name).catch(() => res.destroy());
      return undefined;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return plain(res, 405, 'Method not allowed.');
    if (url.pathname === '/' || url.pathname === '/index.html') return sendIndex(res);
    const file = resolveStatic(options.rendererDir, url.pathname);
    if (!file) return plain(res, 404, 'Not found.');
    sendFile(res, file);
    return undefined;
  }

  /**
   * Streams a static file. It may vanish (or become unreadable) between the path check and the
   * read: before the first byte that is a 404, after it the one reply is cut; never a crash.
   */
  function sendFile(res: http.ServerResponse, file: string) {
    const stream = fs.createReadStream(file);
    stream.once('error', () => {
      if (!res.headersSent) plain(res, 404, 'Not found.');
      else res.destroy();
    });
    stream.once('open', () => {
      res.writeHead(200, { 'Content-Type': mimeType(file) });
      pipeline(stream, res).catch(() => res.destroy());
    });
  }

  function sendIndex(res: http.ServerResponse) {
    const nonce = newNonce();
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(nonce),
    });
    // Read per request: a few KB, and a rebuilt renderer is served without a restart.
    res.end(injectNonce(fs.readFileSync(indexFile, 'utf8'), nonce));
  }

  async function handleCommand(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) {
        tooLarge = true;
        break;
      }
      chunks.push(chunk as Buffer);
    }
    if (tooLarge) {
      return json(res, 413, {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `The request is larger than ${Math.round(maxBody / 1048576)} MB.`,
        },
      });
    }
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return json(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' },
      });
    }
    const result = await options.dispatcher.dispatch(name, input);
    return json(res, 200, result);
  }

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://${HOST}:${port}/`;
  return {
    url: base,
    openUrl: `${base}?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of sseClients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A malformed %-escape must not throw inside the request handler (that would end the process). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function plain(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
