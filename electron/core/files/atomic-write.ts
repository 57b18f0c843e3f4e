import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The one way Assay puts a file in place: write a temp file in the same directory (so the rename
 * cannot cross file systems), fsync it, rename it over the target, fsync the directory. A crash
 * leaves either the old file or the new one, never half of one; any failure removes the temp file.
 * Temp names are `.<target>.<pid>.<8 hex>.tmp`, which `removeStrayTemps` recognises at start.
 */

export interface AtomicWriteOptions {
  /** Mode of the new file from its creation (0600 for anything private; 0644 by default). */
  mode?: number;
}

/** Writes into a stream that the helper opened; resolve when done, throw to abandon the file. */
export type StreamProducer = (sink: Writable) => Promise<void>;

// Before this helper, writers named temps `.<target>.<pid>.<Date.now()>.tmp`; those count too.
const TEMP_NAME = /^\..+\.(\d+)\.(?:[0-9a-f]{8}|\d{13})\.tmp$/;

export function isAtomicTemp(fileName: string): boolean {
  return TEMP_NAME.test(fileName);
}

function tempPathFor(target: string): string {
  const name = `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(target), name);
}

/** fsync of a directory, so a rename in it survives a power cut. Windows cannot and need not. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Runs `fill` on a fresh temp file beside `target`; on any failure the temp file is removed. */
async function withTemp<T>(
  target: string,
  fill: (temp: string) => Promise<void>,
  place: (temp: string) => Promise<T>,
): Promise<T> {
  const temp = tempPathFor(target);
  try {
    await fill(temp);
    await fsyncFile(temp);
    const placed = await place(temp);
    await fsyncDir(path.dirname(target));
    return placed;
  } finally {
    // After a successful rename the temp name no longer exists, so this only ever cleans up.
    await fs.promises.rm(temp, { force: true });
  }
}

async function fillWithBytes(temp: string, bytes: Uint8Array | string, mode: number) {
  const handle = await fs.promises.open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
}

async function fillFromStream(temp: string, source: Readable | StreamProducer, mode: number) {
  const sink = fs.createWriteStream(temp, { flags: 'wx', mode });
  if (source instanceof Readable) {
    // pipeline destroys both sides on an error from either and rejects with the first error.
    await pipeline(source, sink);
    return;
  }
  // Settles once the file is closed (so it can be renamed, even on Windows), rejecting on an error.
  const closed = new Promise<void>((resolve, reject) => {
    sink.on('error', reject);
    sink.on('close', resolve);
  });
  closed.catch(() => undefined);
  try {
    // A sink error while the producer is still busy ends the wait at once.
    await Promise.race([source(sink), closed]);
    if (!sink.writableEnded) sink.end();
    await closed;
  } catch (error) {
    sink.destroy();
    await closed.catch(() => undefined);
    throw error;
  }
}

type Content = Uint8Array | string | Readable | StreamProducer;

function fillerFor(content: Content, options: AtomicWriteOptions) {
  const mode = options.mode ?? 0o644;
  return (temp: string) =>
    typeof content === 'string' || content instanceof Uint8Array
      ? fillWithBytes(temp, content, mode)
      : fillFromStream(temp, content, mode);
}

const rename = (target: string) => (temp: string) => fs.promises.rename(temp, target);

/** Replaces `target` with `bytes` atomically. */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await withTemp(target, fillerFor(bytes, options), rename(target));
}

/**
 * Replaces `target` with what a stream yields: either a Readable (piped in, its errors and the
 * file's both handled) or a producer that writes into the sink. A failure on either side removes
 * the temp file and rejects with the first error.
 */
export async function writeStreamAtomic(
  target: string,
  source: Readable | StreamProducer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await withTemp(target, fillerFor(source, options), rename(target));
}

const HARD_LINK_UNSUPPORTED = new Set(['EPERM', 'ENOSYS', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV']);

/**
 * Moves the temp file to the first free name of `wanted`, `stem-2.ext`, `stem-3.ext` … without
 * ever replacing an existing file, even against a concurrent writer: a hard link fails when the
 * name exists. On a file system without hard links it falls back to check-then-rename.
 */
function placeUnique(dir: string, wanted: string) {
  const ext = path.extname(wanted);
  const stem = wanted.slice(0, wanted.length - ext.length);
  return async (temp: string): Promise<string> => {
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? wanted : `${stem}-${n}${ext}`;
      const candidate = path.join(dir, name);
      try {
        await fs.promises.link(temp, candidate);
        await fs.promises.rm(temp, { force: true });
        return name;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') continue;
        if (!HARD_LINK_UNSUPPORTED.has(code)) throw error;
        if (fs.existsSync(candidate)) continue;
        await fs.promises.rename(temp, candidate);
        return name;
      }
    }
  };
}

async function writeUnique(
  dir: string,
  wanted: string,
  content: Content,
  options: AtomicWriteOptions,
): Promise<string> {
  await fs.promises.mkdir(dir, { recursive: true });
  return withTemp(path.join(dir, wanted), fillerFor(content, options), placeUnique(dir, wanted));
}

/** Writes `bytes` as a new file in `dir` named `wanted` or the first free `stem-N.ext`. */
export const writeFileAtomicUnique = (
  dir: string,
  wanted: string,
  bytes: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<string> => writeUnique(dir, wanted, bytes, options);

/** The streaming form of `writeFileAtomicUnique` (see `writeStreamAtomic`). */
export const writeStreamAtomicUnique = (
  dir: string,
  wanted: string,
  source: Readable | StreamProducer,
  options: AtomicWriteOptions = {},
): Promise<string> => writeUnique(dir, wanted, source, options);

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files a crashed writer left in `dir` (not recursive). A temp file whose
 * writer is still running on this machine is kept: when in doubt, leave the file.
 * Returns how many were removed; a missing directory has none.
 */
export async function removeStrayTemps(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!isAtomicTemp(name)) continue;
    const pid = Number(TEMP_NAME.exec(name)?.[1]);
    if (processIsAlive(pid)) continue;
    await fs.promises.rm(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}
