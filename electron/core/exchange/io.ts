import type { FileHandle } from 'node:fs/promises';
import { ExchangeRefused } from './errors';

/**
 * How much one read or write of an exchange file or of evidence takes: about eight chunks per
 * system call instead of one.
 */
export const IO_BATCH = 8 * 1024 * 1024;

/** Reads exactly `length` bytes at `position` (into `into` when given); a shorter file is cut. */
export async function readExactly(
  fh: FileHandle,
  position: number,
  length: number,
  into?: Buffer,
): Promise<Buffer> {
  const buffer = into ? into.subarray(0, length) : Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buffer, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  if (got < length)
    throw new ExchangeRefused('TRUNCATED', 'The file ends before it should: it is truncated.');
  return buffer;
}

/** Writes the parts in order with as few system calls as the kernel allows. */
export async function writeAll(fh: FileHandle, parts: Buffer[]): Promise<number> {
  let rest = parts;
  let total = 0;
  while (rest.length > 0) {
    let { bytesWritten } = await fh.writev(rest);
    total += bytesWritten;
    // A short write (rare for a file) goes on from where it stopped.
    while (rest.length > 0 && bytesWritten >= rest[0]!.length) bytesWritten -= rest.shift()!.length;
    if (rest.length > 0) rest = [rest[0]!.subarray(bytesWritten), ...rest.slice(1)];
  }
  return total;
}

/**
 * Reads a file front to back in large windows, the next one read while the current one is used,
 * and hands out exact byte ranges. Two windows are reused in turn: no fresh memory per read.
 */
export class FileWindow {
  private readonly buffers = [Buffer.allocUnsafeSlow(IO_BATCH), Buffer.allocUnsafeSlow(IO_BATCH)];
  private slot = 0;
  /** The current window's bytes not handed out yet. */
  private rest: Buffer = Buffer.alloc(0);
  /** Where the next window starts in the file. */
  private next: number;
  private ahead: Promise<Buffer> | null = null;

  constructor(
    private readonly fh: FileHandle,
    start: number,
    private readonly size: number,
  ) {
    this.next = start;
  }

  private readAhead(): Promise<Buffer> {
    const length = Math.min(IO_BATCH, this.size - this.next);
    if (length <= 0) return Promise.resolve(Buffer.alloc(0));
    const into = this.buffers[this.slot]!;
    this.slot ^= 1;
    const read = readExactly(this.fh, this.next, length, into);
    this.next += length;
    read.catch(() => undefined);
    return read;
  }

  /** Moves to the next window and starts reading the one after into the other buffer. */
  private async advance(): Promise<boolean> {
    const window = await (this.ahead ?? this.readAhead());
    this.ahead = null;
    this.rest = window;
    if (window.length === 0) return false;
    // The buffer read into now held the window before last: all of it was handed out (or copied).
    this.ahead = this.readAhead();
    return true;
  }

  /**
   * The next `length` bytes, fewer only where the file ends. A view of the window when it holds
   * them (valid until the next call), else gathered into memory of its own.
   */
  async bytes(length: number): Promise<Buffer> {
    if (this.rest.length === 0) await this.advance();
    // Held whole by the window, or nothing left at all.
    if (this.rest.length >= length || this.rest.length === 0) return this.takeRest(length);
    const out = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      if (this.rest.length === 0 && !(await this.advance())) break;
      const piece = this.takeRest(length - got);
      piece.copy(out, got);
      got += piece.length;
    }
    return out.subarray(0, got);
  }

  private takeRest(length: number): Buffer {
    const piece = this.rest.subarray(0, Math.min(length, this.rest.length));
    this.rest = this.rest.subarray(piece.length);
    return piece;
  }
}
