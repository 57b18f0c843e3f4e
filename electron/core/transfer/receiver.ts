import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** A file received whole: where it is, its size, its SHA-256 and its first bytes (for sniffing). */
export interface Received {
  file: string;
  size: number;
  sha256: string;
  /** Up to the first 16 bytes. */
  head: Buffer;
}

/**
 * Writes bytes that arrive in order into a new private file (mode 0600, never an existing one),
 * hashing them on the way: one pass, whatever the size. A write runs while the caller fetches
 * the next bytes and the hash is computed; at most one write is in flight.
 */
export interface FileReceiver {
  readonly received: number;
  /** Takes the next bytes; resolves once the previous write is done (backpressure). */
  write(bytes: Buffer): Promise<void>;
  /** Waits for the last write, fsyncs and closes; the file stays for the caller to move. */
  finish(): Promise<Received>;
  /** Closes and removes the file; nothing of it is kept. Safe to call more than once. */
  discard(): Promise<void>;
}

const HEAD = 16;

async function writeAll(handle: fs.promises.FileHandle, bytes: Buffer, position: number) {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

export async function openReceiver(file: string): Promise<FileReceiver> {
  const handle = await fs.promises.open(file, 'wx', 0o600);
  const hash = createHash('sha256');
  const heads: Buffer[] = [];
  let headBytes = 0;
  let received = 0;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    get received() {
      return received;
    },
    async write(bytes) {
      if (closed) throw new Error('The file is already closed.');
      const previous = writing;
      const position = received;
      received += bytes.length;
      const current = previous.then(() => writeAll(handle, bytes, position));
      // Observed by the next write or by finish; never an unhandled rejection in between.
      current.catch(() => undefined);
      writing = current;
      hash.update(bytes);
      if (headBytes < HEAD) {
        const part = bytes.subarray(0, HEAD - headBytes);
        heads.push(part);
        headBytes += part.length;
      }
      await previous;
    },
    async finish() {
      try {
        await writing;
        await handle.sync();
      } finally {
        await close();
      }
      return { file, size: received, sha256: hash.digest('hex'), head: Buffer.concat(heads) };
    },
    async discard() {
      await writing.catch(() => undefined);
      await close().catch(() => undefined);
      await fs.promises.rm(file, { force: true });
    },
  };
}
