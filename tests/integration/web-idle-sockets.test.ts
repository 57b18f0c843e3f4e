/**
 * Issue 11: 20,000 idle sockets starved browser mode's real requests (each held a file
 * descriptor until Node's 60 s header timeout). Reproduced at a smaller scale: the server runs
 * with 256 file descriptors, and 600 connections that never send a byte are opened before a real
 * request. Runs the built CLI: `npx electron-vite build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/core';
import { request } from '../helpers/web';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const built = fs.existsSync(path.join(projectRoot, 'out', 'main', 'cli.js'));
const TOKEN = 'idle-sockets-test-token-0123456789abcdef';
const IDLE = 600;

let server: ChildProcess | null = null;
const sockets: net.Socket[] = [];

afterAll(() => {
  for (const s of sockets) s.destroy();
  server?.kill('SIGTERM');
});

/** `assay serve` with at most 256 open files; answers its port once it listens. */
function serve(): Promise<number> {
  const dataDir = tempDir('assay-idle-');
  const child = spawn(
    'sh',
    ['-c', `ulimit -n 256 && exec "${process.execPath}" "${bin}" serve --data-dir "${dataDir}"`],
    { cwd: projectRoot, env: { ...process.env, ASSAY_TOKEN: TOKEN } },
  );
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1];
      if (port) resolve(Number(port));
    });
    child.once('exit', (code) => reject(new Error(`assay serve exited ${code}: ${out}`)));
  });
}

/** Opens a connection that never sends anything; settles once connected, refused or reset. */
function idleSocket(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    sockets.push(socket);
    socket.once('connect', () => resolve());
    socket.once('error', () => resolve());
    socket.once('close', () => resolve());
  });
}

describe.skipIf(!built)('browser mode under many idle connections', () => {
  it('serves a real request after hundreds of connections that never send a byte', async () => {
    const port = await serve();
    for (let i = 0; i < IDLE; i += 50)
      await Promise.all(Array.from({ length: 50 }, () => idleSocket(port)));
    const reply = await request(port, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<html');
    const api = await request(port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ ok: true });
  }, 120_000);
});
