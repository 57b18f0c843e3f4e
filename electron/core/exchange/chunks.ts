import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { CHUNK_SIZE, FRAME_HEAD, MAGIC, openChunk, sealChunk, TAG_LENGTH } from './format';
import { ExchangeRefused } from './errors';
import { FileWindow, readExactly } from './io';

/** Below this, bytes are gathered into a chunk; above it, a piece is sealed where it lies. */
const GATHER_BELOW = 64 * 1024;

/**
 * Encrypts a plaintext stream into chunks of at most CHUNK_SIZE, the last one marked final. Small
 * writes (frame heads, hashes) are gathered; a large piece (evidence as it is read) is sealed in
 * place without another copy, and each chunk's write overlaps the encryption of the next.
 */
export class ChunkWriter {
  private readonly block = Buffer.alloc(CHUNK_SIZE);
  private filled = 0;
  private index = 0;
  /** The chunk on its way to the disk while the next one is encrypted (one at a time). */
  private writing: Promise<void> = Promise.resolve();
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
    if (data.length >= GATHER_BELOW) {
      // Whatever was gathered goes first, as a short chunk: chunks need not be full.
      if (this.filled > 0) await this.flush();
      for (let offset = 0; offset < data.length; offset += CHUNK_SIZE)
        await this.seal(data.subarray(offset, offset + CHUNK_SIZE), false);
      return;
    }
    let offset = 0;
    while (offset < data.length) {
      if (this.filled === CHUNK_SIZE) await this.flush();
      const n = data.copy(this.block, this.filled, offset);
      this.filled += n;
      offset += n;
    }
  }

  /** Writes what is left as the final chunk (possibly empty): the file ends exactly there. */
  async finish(): Promise<void> {
    const filled = this.filled;
    this.filled = 0;
    await this.seal(this.block.subarray(0, filled), true);
    await this.writing;
  }

  /** Seals the gathered bytes (never the last chunk: finish() writes that one). */
  private async flush(): Promise<void> {
    // Sealing encrypts into new buffers at once: the block can be refilled straight away.
    const filled = this.filled;
    this.filled = 0;
    await this.seal(this.block.subarray(0, filled), false);
  }

  private async seal(plain: Buffer, final: boolean): Promise<void> {
    this.check();
    const parts = sealChunk(this.key, this.digest, this.index, final, plain);
    this.index += 1;
    // One chunk in flight: wait for the previous write (and its error) before starting this one.
    await this.writing;
    this.writing = this.fh.writev(parts).then(({ bytesWritten }) => {
      this.written += bytesWritten;
    });
    // A failed write is reported by the next seal or by finish(); keep it from going unhandled.
    this.writing.catch(() => undefined);
  }
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
 * evidence file inside one) are read as a stream and never held whole. The file is read in large
 * windows, the next one while the chunks of the current one are decrypted and written.
 */
export class PlainReader {
  private position: number;
  private index = 0;
  /** Decrypted bytes not handed out yet, in order (joined only when a read spans them). */
  private parts: Buffer[] = [];
  private available = 0;
  private readonly file: FileWindow;
  finished = false;
  readonly payload: Hash = createHash('sha256');

  constructor(
    fh: FileHandle,
    start: number,
    private readonly size: number,
    private readonly key: Buffer,
    private readonly digest: Buffer,
    /** Only a signed file's payload is hashed (the signature covers it). */
    public hashing: boolean,
    private readonly onChunk: (position: number) => void,
  ) {
    this.position = start;
    this.file = new FileWindow(fh, start, size);
  }

  private async nextChunk(): Promise<void> {
    if (this.finished)
      throw new ExchangeRefused('TAMPERED', 'The file holds less than its frames announce.');
    const head = await this.file.bytes(5);
    if (head.length < 5)
      throw new ExchangeRefused('TRUNCATED', 'The file ends before it should: it is truncated.');
    const length = head.readUInt32BE(0);
    const flag = head[4]!;
    const final = flag === 1;
    if (flag > 1 || length > CHUNK_SIZE)
      throw new ExchangeRefused('TAMPERED', 'A chunk of the file is damaged.');
    const sealed = await this.file.bytes(length + TAG_LENGTH);
    if (sealed.length < length + TAG_LENGTH)
      throw new ExchangeRefused('TRUNCATED', 'The file ends before it should: it is truncated.');
    const next = this.position + 5 + length + TAG_LENGTH;
    let plain: Buffer;
    try {
      plain = openChunk(
        this.key,
        this.digest,
        this.index,
        final,
        sealed.subarray(0, length),
        sealed.subarray(length),
      );
    } catch {
      throw new ExchangeRefused(
        'TAMPERED',
        `The file was altered (chunk ${this.index + 1} does not authenticate).`,
      );
    }
    this.position = next;
    this.index += 1;
    if (final) {
      this.finished = true;
      if (this.position !== this.size)
        throw new ExchangeRefused('TAMPERED', 'The file has bytes after its end.');
    }
    this.onChunk(this.position);
    if (plain.length > 0) {
      this.parts.push(plain);
      this.available += plain.length;
    }
  }

  /** Takes `length` bytes (at most what is available) off the front, as few copies as it can. */
  private take(length: number): Buffer {
    const first = this.parts[0]!;
    if (first.length >= length) {
      if (first.length === length) this.parts.shift();
      else this.parts[0] = first.subarray(length);
      this.available -= length;
      return first.subarray(0, length);
    }
    const out = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const part = this.parts[0]!;
      const n = Math.min(part.length, length - got);
      part.copy(out, got, 0, n);
      got += n;
      if (n === part.length) this.parts.shift();
      else this.parts[0] = part.subarray(n);
    }
    this.available -= length;
    return out;
  }

  /** Exactly `length` bytes (small: frame heads, the change set, the end frame). */
  async read(length: number): Promise<Buffer> {
    while (this.available < length) {
      if (this.finished)
        throw new ExchangeRefused('TRUNCATED', 'The file ends inside a frame: it is truncated.');
      await this.nextChunk();
    }
    const out = length === 0 ? Buffer.alloc(0) : this.take(length);
    if (this.hashing) this.payload.update(out);
    return out;
  }

  /** Streams `length` bytes to `sink` a chunk at a time. */
  async pipe(length: number, sink: (part: Buffer) => Promise<void> | void): Promise<void> {
    let left = length;
    while (left > 0) {
      if (this.available === 0) {
        if (this.finished)
          throw new ExchangeRefused(
            'TRUNCATED',
            'The file ends inside an evidence file: it is truncated.',
          );
        await this.nextChunk();
        continue;
      }
      const part = this.take(Math.min(left, this.parts[0]!.length));
      left -= part.length;
      if (this.hashing) this.payload.update(part);
      await sink(part);
    }
  }

  /** After the end frame nothing may follow, and the final chunk must have been read. */
  async expectEnd(): Promise<void> {
    if (this.available > 0)
      throw new ExchangeRefused('TAMPERED', 'The file holds bytes after its end frame.');
    if (!this.finished) await this.nextChunk();
    if (this.available > 0 || !this.finished)
      throw new ExchangeRefused('TAMPERED', 'The file holds bytes after its end frame.');
  }
}

export { FRAME_HEAD };
