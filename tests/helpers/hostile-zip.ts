import yauzl from 'yauzl';
import yazl from 'yazl';

export interface ZipItem {
  name: string;
  data: Buffer;
  mode?: number;
  compress?: boolean;
}

/** A zip written by yazl from the given entries (names yazl refuses are patched in afterwards). */
export function makeZip(items: ZipItem[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const item of items)
    zip.addBuffer(item.data, item.name, {
      mtime: new Date('2026-01-01T00:00:00Z'),
      ...(item.mode !== undefined ? { mode: item.mode } : {}),
      compress: item.compress ?? true,
    });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Every entry of a zip, read without our checks (the packs we tamper with are our own). */
export async function readZip(bytes: Buffer): Promise<ZipItem[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const items: ZipItem[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>)
      chunks.push(c);
    items.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return items;
}

/** Replaces a name everywhere it occurs (local header and central directory); same length only. */
export function patchName(zip: Buffer, from: string, to: string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('patchName needs names of equal byte length');
  const out = Buffer.from(zip);
  let at = out.indexOf(a);
  let n = 0;
  while (at !== -1) {
    b.copy(out, at);
    n += 1;
    at = out.indexOf(a, at + 1);
  }
  if (n === 0) throw new Error(`${from} not found`);
  return out;
}

/** Sets the central directory's uncompressed size of `name` (yauzl trusts it; we must not). */
export function patchDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let pos = out.readUInt32LE(eocd + 16);
  while (out.readUInt32LE(pos) === 0x02014b50) {
    const nameLen = out.readUInt16LE(pos + 28);
    const extra = out.readUInt16LE(pos + 30);
    const comment = out.readUInt16LE(pos + 32);
    if (out.toString('utf8', pos + 46, pos + 46 + nameLen) === name) {
      out.writeUInt32LE(size, pos + 24);
      return out;
    }
    pos += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} not in the central directory`);
}
