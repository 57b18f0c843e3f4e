import fs from 'node:fs';
import path from 'node:path';
import { MAX_INCOMING_BYTES } from '../../../shared/contracts/incoming';
import type { CoreContext } from '../context';
import { CommandFailure, conflict, invalid, notFound } from '../errors';
import { fsyncDir } from '../files';
import { transferKind } from './inbound';
import { isInside } from './inside';

/**
 * A file handed to the main side without a path (a pack to import or verify, a certificate, a
 * risk sheet): the page sends it as numbered chunks into <dataDir>/incoming/<uuid>.part; when
 * complete it is fsynced and renamed to <uuid>, and the uuid is the token a consumer command
 * takes, once, to read it and then delete it. A 1 GiB pack thus never travels, nor sits in
 * memory, as one base64 string.
 */
const incomingKind = transferKind<{ fileName: string }>({
  what: 'Incoming file',
  noun: 'transfer',
  idField: 'incomingId',
  cancelled: 'The transfer was cancelled; nothing of it was kept.',
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SWEEP_AGE_MS = 24 * 60 * 60 * 1000;

export const incomingDir = (dataDir: string) => path.join(dataDir, 'incoming');

export async function beginIncoming(
  ctx: CoreContext,
  input: { fileName: string; size: number },
): Promise<{ incomingId: string }> {
  if (input.size > MAX_INCOMING_BYTES) throw invalid('size', 'must be at most 20 GiB');
  // Only a name to show (the source of an imported pack); never used to build a path.
  const fileName = path.basename(input.fileName).slice(0, 255);
  const incomingId = await ctx.transfers.inbound.begin(
    incomingKind,
    { fileName },
    { dir: incomingDir(ctx.dataDir), size: input.size, label: fileName },
  );
  return { incomingId };
}

export function appendIncoming(
  ctx: CoreContext,
  input: { incomingId: string; offset: number; base64: string },
): Promise<{ received: number }> {
  const bytes = Buffer.from(input.base64, 'base64');
  return ctx.transfers.inbound.chunk(incomingKind, input.incomingId, input.offset, bytes);
}

export async function finishIncoming(
  ctx: CoreContext,
  incomingId: string,
): Promise<{ token: string }> {
  const { received, meta } = await ctx.transfers.inbound.finish(incomingKind, incomingId);
  const dir = incomingDir(ctx.dataDir);
  const file = path.join(dir, incomingId);
  try {
    await fs.promises.rename(received.file, file);
    await fsyncDir(dir);
  } catch (error) {
    await fs.promises.rm(received.file, { force: true });
    await fs.promises.rm(file, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw conflict(`The file could not be stored (${code}); nothing of it was kept.`);
  }
  ctx.transfers.received.add(incomingId, dir, file, meta.fileName);
  return { token: incomingId };
}

export async function abortIncoming(ctx: CoreContext, incomingId: string): Promise<{ ok: true }> {
  await ctx.transfers.inbound.abort(incomingKind, incomingId);
  return { ok: true };
}

/** The name a finished file was sent under (before it is taken), or null. */
export function incomingName(ctx: CoreContext, token: string): string | null {
  return ctx.transfers.received.nameOf(token);
}

/**
 * The absolute path of a finished incoming file, claimed once (or only looked at, when `keep`):
 * the token must be a UUID this core issued for this data directory, and the file, links
 * followed, a regular file strictly inside <dataDir>/incoming. The caller deletes a claimed file
 * when done (withIncoming does).
 */
export function takeIncoming(ctx: CoreContext, token: string, keep = false): string {
  if (!UUID.test(token)) throw invalid('token', 'must be the token of a received file');
  const dir = incomingDir(ctx.dataDir);
  const claim = keep
    ? ctx.transfers.received.peek(token, dir)
    : ctx.transfers.received.take(token, dir);
  if (!claim) throw notFound('Received file', token);
  const candidate = path.join(dir, token);
  let real: string;
  try {
    real = fs.realpathSync(candidate);
    if (isInside(fs.realpathSync(dir), real) && fs.lstatSync(candidate).isFile()) return real;
  } catch {
    ctx.transfers.received.take(token, dir);
    fs.rmSync(candidate, { force: true });
    throw notFound('Received file', token);
  }
  ctx.transfers.received.take(token, dir);
  fs.rmSync(candidate, { force: true });
  throw new CommandFailure('FORBIDDEN', 'The received file points outside its folder; not read.');
}

/**
 * Runs `use` on a taken incoming file and deletes the file afterwards, whatever happened. With
 * `keep` (a dry run, a check) the file and its token stay for the real use that may follow.
 */
export async function withIncoming<T>(
  ctx: CoreContext,
  token: string,
  use: (file: string) => Promise<T>,
  options: { keep?: boolean } = {},
): Promise<T> {
  const keep = options.keep === true;
  const file = takeIncoming(ctx, token, keep);
  try {
    return await use(file);
  } finally {
    if (!keep) await fs.promises.rm(file, { force: true });
  }
}

/**
 * A small received file read whole (a certificate, a risk sheet) and deleted. One larger than
 * `maxBytes` is refused with the consumer's own message, without being read.
 */
export function readIncoming(
  ctx: CoreContext,
  token: string,
  maxBytes: number,
  tooLarge: () => CommandFailure,
): Promise<Buffer> {
  return withIncoming(ctx, token, async (file) => {
    if ((await fs.promises.stat(file)).size > maxBytes) throw tooLarge();
    return fs.promises.readFile(file);
  });
}

/**
 * At start: a *.part is a transfer a crash or kill interrupted, so it goes; a finished file
 * older than a day was never taken (its token died with the process that issued it).
 */
export function sweepIncoming(
  ctx: CoreContext,
  now = Date.now(),
): { removed: number; problem?: string } {
  let removed = 0;
  const dir = incomingDir(ctx.dataDir);
  try {
    if (!fs.existsSync(dir)) return { removed };
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (name.endsWith('.part') || now - fs.lstatSync(file).mtimeMs > SWEEP_AGE_MS) {
        fs.rmSync(file, { recursive: true, force: true });
        removed += 1;
      }
    }
    return { removed };
  } catch (error) {
    // Housekeeping must not keep Assay from starting.
    return { removed, problem: (error as Error).message };
  }
}
