import { base64ToBytes } from './base64';

/** The most a main-side chunk reader answers at once (evidence.readChunk, packs.read*). */
const CHUNK = 4 * 1024 * 1024;

/**
 * Reads a file the main side serves in slices (both transports carry JSON) and joins them:
 * `read` fetches the slice at an offset and says the file's size.
 */
export async function readInChunks(
  read: (offset: number, length: number) => Promise<{ base64: string; size: number }>,
  type: string,
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 1;
  for (let offset = 0; offset < size; offset += CHUNK) {
    const chunk = await read(offset, CHUNK);
    size = chunk.size;
    parts.push(base64ToBytes(chunk.base64));
  }
  return new Blob(parts, { type });
}
