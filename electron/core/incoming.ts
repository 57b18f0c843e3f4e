import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_INCOMING_BYTES } from '../../shared/contracts/incoming';
import type { CoreContext } from './context';
import { CommandFailure, conflict, invalid, notFound } from './errors';
import { fsyncDir } from './vault/paths';

/**
 * A large file handed to the main side without a path: the page sends it as numbered chunks
 * (like evidence uploads, see vault/chunked-upload.ts) into <dataDir>/incoming/<uuid>.part; when
 * complete it is fsynced and renamed to <uuid>, and the uuid is the token a consumer command
 * (packs.importIncoming, verify.incoming) takes to read it as a stream and then delete it. A
 * 1 GiB pack thus never travels, nor sits in memory, as one base64 string.
 */
const IDLE_MS = 10 * 60 * 1000;
/** A finished file nobody took (its consumer's input was refused, the page closed) goes too. */
const UNCLAIMED_MS = 60 * 60 * 1000;
const SWEEP_AGE_MS = 24 * 60 * 60 * 1000;
/** Enough for a few windows at once, few enough that a runaway page cannot exhaust handles. */
const MAX_OPEN = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Incoming {
  dir: string;
  fileName: string;
  handle: fs.promises.FileHandle;
  size: number;
  received: number;
  /** Writes run one after another; end and abort wait for the last one. */
  writing: Promise<void>;
  timer: NodeJS.Timeout;
}

const open = new Map<string, Incoming>();
/** Finished files by token, with the timer that removes them if never taken. */
const finished = new Map<string, { dir: string; fileName: string; timer: NodeJS.Timeout }>();

export const incomingDir = (dataDir: string) => path.join(dataDir, 'incoming');

function touch(id: string, entry: Incoming): void {
  clearTimeout(entry.timer);
  // A transfer the page abandoned (closed, crashed) is dropped; nothing of it is kept.
  entry.timer = setTimeout(() => void drop(id).catch(() => undefined), IDLE_MS);
  entry.timer.unref();
}

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

export async function beginIncoming(
  ctx: CoreContext,
  input: { fileName: string; size: number },
): Promise<{ incomingId: string }> {
  if (input.size > MAX_INCOMING_BYTES) throw invalid('size', 'must be at most 20 GiB');
  if (open.size >= MAX_OPEN)
    throw conflict('Too many files are being received at once; wait for one to finish.');
  const dir = incomingDir(ctx.dataDir);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const free = freeBytes(dir);
  if (free !== null && free < input.size)
    throw conflict(
      `${input.fileName} needs ${input.size} bytes but the data directory's disk has ${free} free.`,
    );
  const id = randomUUID();
  const handle = await fs.promises.open(path.join(dir, `${id}.part`), 'wx', 0o600);
  const entry: Incoming = {
    dir,
    // Only a name to show (the source of an imported pack); never used to build a path.
    fileName: path.basename(input.fileName).slice(0, 255),
    handle,
    size: input.size,
    received: 0,
    writing: Promise.resolve(),
    timer: setTimeout(() => undefined, 0),
  };
  open.set(id, entry);
  touch(id, entry);
  return { incomingId: id };
}

/** Ids are per process; a core only reaches the transfers into its own data directory. */
function find(ctx: CoreContext, id: string): Incoming {
  const entry = open.get(id);
  if (!entry || entry.dir !== incomingDir(ctx.dataDir)) throw notFound('Incoming file', id);
  return entry;
}

async function writeAll(handle: fs.promises.FileHandle, bytes: Buffer, position: number) {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

export async function appendIncoming(
  ctx: CoreContext,
  input: {
    incomingId: string;
    offset: number;
    base64: string;
  },
): Promise<{ received: number }> {
  const entry = find(ctx, input.incomingId);
  if (input.offset !== entry.received)
    throw invalid(
      'offset',
      `expected ${entry.received}, got ${input.offset}; chunks must arrive in order`,
    );
  const bytes = Buffer.from(input.base64, 'base64');
  if (entry.received + bytes.length > entry.size) {
    await drop(input.incomingId);
    throw invalid('base64', 'more bytes than the declared size; the transfer was cancelled');
  }
  // Counted before the write so a chunk sent without waiting still lands at the right offset.
  entry.received += bytes.length;
  touch(input.incomingId, entry);
  const write = entry.writing.then(() => writeAll(entry.handle, bytes, input.offset));
  entry.writing = write.catch(() => undefined);
  try {
    await write;
  } catch (error) {
    await drop(input.incomingId);
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw conflict(`The file could not be written (${code}); nothing of it was kept.`);
  }
  return { received: entry.received };
}

export async function finishIncoming(
  ctx: CoreContext,
  incomingId: string,
): Promise<{ token: string }> {
  const entry = find(ctx, incomingId);
  open.delete(incomingId);
  clearTimeout(entry.timer);
  const part = path.join(entry.dir, `${incomingId}.part`);
  try {
    await entry.writing;
    if (entry.received !== entry.size)
      throw invalid(
        'incomingId',
        `received ${entry.received} of ${entry.size} bytes; the transfer was cancelled`,
      );
    await entry.handle.sync();
    await entry.handle.close();
    await fs.promises.rename(part, path.join(entry.dir, incomingId));
    await fsyncDir(entry.dir);
  } catch (error) {
    await entry.handle.close().catch(() => undefined);
    await fs.promises.rm(part, { force: true });
    if (error instanceof CommandFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw conflict(`The file could not be stored (${code}); nothing of it was kept.`);
  }
  const timer = setTimeout(() => {
    finished.delete(incomingId);
    fs.rm(path.join(entry.dir, incomingId), { force: true }, () => undefined);
  }, UNCLAIMED_MS);
  timer.unref();
  finished.set(incomingId, { dir: entry.dir, fileName: entry.fileName, timer });
  return { token: incomingId };
}

export async function abortIncoming(ctx: CoreContext, incomingId: string): Promise<{ ok: true }> {
  if (open.get(incomingId)?.dir === incomingDir(ctx.dataDir)) await drop(incomingId);
  return { ok: true };
}

async function drop(incomingId: string): Promise<void> {
  const entry = open.get(incomingId);
  if (entry) {
    open.delete(incomingId);
    clearTimeout(entry.timer);
    await entry.writing;
    await entry.handle.close().catch(() => undefined);
    await fs.promises.rm(path.join(entry.dir, `${incomingId}.part`), { force: true });
  }
}

/** The name a finished file was sent under (before it is taken), or null. */
export function incomingName(token: string): string | null {
  return finished.get(token)?.fileName ?? null;
}

const isInside = (root: string, candidate: string) =>
  candidate.startsWith(root + path.sep) && !path.relative(root, candidate).startsWith('..');

/**
 * The absolute path of a finished incoming file, claimed once: the token must be a UUID this
 * process issued for this data directory, and the file, links followed, a regular file strictly
 * inside <dataDir>/incoming. The caller deletes it when done (withIncoming does).
 */
export function takeIncoming(ctx: CoreContext, token: string): string {
  if (!UUID.test(token)) throw invalid('token', 'must be the token of a received file');
  const dir = incomingDir(ctx.dataDir);
  const claim = finished.get(token);
  if (!claim || claim.dir !== dir) throw notFound('Received file', token);
  finished.delete(token);
  clearTimeout(claim.timer);
  const candidate = path.join(dir, token);
  let real: string;
  try {
    real = fs.realpathSync(candidate);
    if (isInside(fs.realpathSync(dir), real) && fs.lstatSync(candidate).isFile()) return real;
  } catch {
    fs.rmSync(candidate, { force: true });
    throw notFound('Received file', token);
  }
  fs.rmSync(candidate, { force: true });
  throw new CommandFailure('FORBIDDEN', 'The received file points outside its folder; not read.');
}

/** Runs `use` on a taken incoming file and deletes the file afterwards, whatever happened. */
export async function withIncoming<T>(
  ctx: CoreContext,
  token: string,
  use: (file: string) => Promise<T>,
): Promise<T> {
  const file = takeIncoming(ctx, token);
  try {
    return await use(file);
  } finally {
    await fs.promises.rm(file, { force: true });
  }
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
