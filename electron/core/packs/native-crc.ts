import { createRequire } from 'node:module';
import zlib from 'node:zlib';

interface BufferCrc32 {
  unsigned: (buffer: Buffer | string, previous?: number | Buffer) => number;
}

let done = false;

/**
 * yazl computes every entry's CRC-32 with its own copy of buffer-crc32, a table lookup in
 * JavaScript: on this machine 2.2 s per GiB, the slowest step of a pack (the SHA-256 check of the
 * same bytes takes 1 s). Node's zlib.crc32 (native; zlib's folded CRC) gives the same value in
 * 0.45 s (yauzl 3.4, by the same author, switched to it for this reason). yazl has no option to
 * take the CRC from elsewhere, so its copy of buffer-crc32 (only yazl loads that copy) gets
 * zlib's function once, for the calls yazl makes: a Buffer and the running CRC as a number.
 * Anything else still goes to the original. tests/integration/pack-speed.test.ts checks every
 * entry's CRC against an independent computation over its bytes.
 */
export function useNativeCrc32InYazl(): void {
  if (done) return;
  done = true;
  const fromHere = createRequire(__filename);
  const crc = createRequire(fromHere.resolve('yazl'))('buffer-crc32') as BufferCrc32;
  const original = crc.unsigned.bind(crc);
  crc.unsigned = (buffer, previous) =>
    Buffer.isBuffer(buffer) && (previous === undefined || typeof previous === 'number')
      ? zlib.crc32(buffer, previous ?? 0)
      : original(buffer, previous);
}
