import fs from 'node:fs';

/** Reads up to `length` bytes at `offset` (fewer at the end of the file). */
export async function readSlice(file: string, offset: number, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    return await readFrom(handle, offset, length);
  } finally {
    await handle.close();
  }
}

async function readFrom(handle: fs.promises.FileHandle, offset: number, length: number) {
  const buffer = Buffer.alloc(Math.max(0, length));
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(
      buffer,
      filled,
      buffer.length - filled,
      offset + filled,
    );
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * The one outbound reader: a slice of a file the caller has already resolved and checked, as
 * base64 with the file's size, so a page can fetch any file in bounded pieces over either
 * transport (both carry JSON). The size is the open file's, so a slice never runs past it.
 */
export async function readFileChunk(
  file: string,
  offset: number,
  length: number,
): Promise<{ base64: string; offset: number; size: number }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = await readFrom(handle, offset, Math.min(length, size - offset));
    return { base64: bytes.toString('base64'), offset, size };
  } finally {
    await handle.close();
  }
}
