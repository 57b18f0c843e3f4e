import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { CHUNK_SIZE, FRAME_HEAD, MAGIC, openChunk, sealChunk, TAG_LENGTH } from './format';
import { ExchangeRefused } from './errors';

/** Encrypts a plaintext stream into chunks of CHUNK_SIZE, the last one marked final. */
export class ChunkWriter {
  /** The chunk being filled: every byte is copied once, into here. */
  private readonly block = Buffer.alloc(CHUNK_SIZE);
  private filled = 0;
  private index = 0;
  written = 0;
  /** SHA-256 of every plaintext byte before the end frame (what a signature covers). */
  readonly payload: Hash = createHash('sha256');

  constructor(
    private readonly fh: FileHandle,
    private readonly key: Buffer,
    private readonly digest: Buffer,
    private readonly check: () => void,
    public hashing: boolean,
  ) {}

  async write(data: Buffer): Promise<void> {
    if (this.hashing) this.payload.update(data);
    let offset = 0;
    while (offset < data.length) {
      // A full block is sealed only when more follows: the last block must carry the final flag.
      if (this.filled === CHUNK_SIZE) await this.flush(false);
      const n = data.copy(this.block, this.filled, offset);
      this.filled += n;
      offset += n;
    }
  }

  /** Writes what is left as the final chunk (possibly empty): the file ends exactly there. */
  async finish(): Promise<void> {
    await this.flush(true);
  }

  private async flush(final: boolean): Promise<void> {
    this.check();
    const parts = sealChunk(
      this.key,
      this.digest,
      this.index,
      final,
      this.block.subarray(0, this.filled),
    );
    this.index += 1;
    this.filled = 0;
    const { bytesWritten } = await this.fh.writev(parts);
    this.written += bytesWritten;
  }
}

async function readExactly(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
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

/** Reads the magic and the header bytes; answers where the first chunk starts. */
export async function readHeaderBytes(fh: FileHandle): Promise<{ header: Buffer; start: number }> {
  const { size } = await fh.stat();
  if (size < MAGIC.length + 4)
    throw new ExchangeRefused('NOT_EXCHANGE', 'This is not an Assay exchange file (.assayx).');
  const head = await readExactly(fh, 0, MAGIC.length + 4);
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) {
    const newer = head.subarray(0, 6).toString('latin1') === 'ASSAYX';
    throw newer
      ? new ExchangeRefused(
          'NEWER',
          'This exchange file was made by a newer Assay; update Assay to read it.',
        )
      : new ExchangeRefused('NOT_EXCHANGE', 'This is not an Assay exchange file (.assayx).');
  }
  const length = head.readUInt32BE(MAGIC.length);
  if (length === 0 || length > 64 * 1024)
    throw new ExchangeRefused('TAMPERED', 'The file header is damaged.');
  const header = await readExactly(fh, MAGIC.length + 4, length);
  return { header, start: MAGIC.length + 4 + length };
}

/**
 * Decrypts the chunks in order and hands out plaintext by exact lengths, so frames (and a 1 GiB
 * evidence file inside one) are read as a stream and never held whole.
 */
export class PlainReader {
  private position: number;
  private index = 0;
  private buffered: Buffer = Buffer.alloc(0);
  finished = false;
  readonly payload: Hash = createHash('sha256');

  constructor(
    private readonly fh: FileHandle,
    start: number,
    private readonly size: number,
    private readonly key: Buffer,
    private readonly digest: Buffer,
    /** Only a signed file's payload is hashed (the signature covers it). */
    public hashing: boolean,
    private readonly onChunk: (position: number) => void,
  ) {
    this.position = start;
  }

  private async nextChunk(): Promise<void> {
    if (this.finished)
      throw new ExchangeRefused('TAMPERED', 'The file holds less than its frames announce.');
    const head = await readExactly(this.fh, this.position, 5);
    const length = head.readUInt32BE(0);
    const final = head[4] === 1;
    if (head[4]! > 1 || length > CHUNK_SIZE)
      throw new ExchangeRefused('TAMPERED', 'A chunk of the file is damaged.');
    const body = await readExactly(this.fh, this.position + 5, length + TAG_LENGTH);
    let plain: Buffer;
    try {
      plain = openChunk(
        this.key,
        this.digest,
        this.index,
        final,
        body.subarray(0, length),
        body.subarray(length),
      );
    } catch {
      throw new ExchangeRefused(
        'TAMPERED',
        `The file was altered (chunk ${this.index + 1} does not authenticate).`,
      );
    }
    this.position += 5 + length + TAG_LENGTH;
    this.index += 1;
    if (final) {
      this.finished = true;
      if (this.position !== this.size)
        throw new ExchangeRefused('TAMPERED', 'The file has bytes after its end.');
    }
    this.onChunk(this.position);
    this.buffered = this.buffered.length === 0 ? plain : Buffer.concat([this.buffered, plain]);
  }

  /** Exactly `length` bytes (small: frame heads, the change set, the end frame). */
  async read(length: number): Promise<Buffer> {
    while (this.buffered.length < length) {
      if (this.finished)
        throw new ExchangeRefused('TRUNCATED', 'The file ends inside a frame: it is truncated.');
      await this.nextChunk();
    }
    const out = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    if (this.hashing) this.payload.update(out);
    return out;
  }

  /** Streams `length` bytes to `sink` a chunk at a time. */
  async pipe(length: number, sink: (part: Buffer) => Promise<void> | void): Promise<void> {
    let left = length;
    while (left > 0) {
      if (this.buffered.length === 0) {
        if (this.finished)
          throw new ExchangeRefused(
            'TRUNCATED',
            'The file ends inside an evidence file: it is truncated.',
          );
        await this.nextChunk();
      }
      const part = this.buffered.subarray(0, Math.min(left, this.buffered.length));
      this.buffered = this.buffered.subarray(part.length);
      left -= part.length;
      if (this.hashing) this.payload.update(part);
      await sink(part);
    }
  }

  /** After the end frame nothing may follow, and the final chunk must have been read. */
  async expectEnd(): Promise<void> {
    if (this.buffered.length > 0)
      throw new ExchangeRefused('TAMPERED', 'The file holds bytes after its end frame.');
    if (!this.finished) await this.nextChunk();
    if (this.buffered.length > 0 || !this.finished)
      throw new ExchangeRefused('TAMPERED', 'The file holds bytes after its end frame.');
  }
}

export { FRAME_HEAD };
