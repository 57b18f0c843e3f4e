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

interface CentralRecord {
  at: number;
  length: number;
  name: string;
  localOffset: number;
}

function endRecord(zip: Buffer): number {
  return zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

/** The central directory's records, in order (zip32 only; the helpers' zips are small). */
export function centralRecords(zip: Buffer): CentralRecord[] {
  const records: CentralRecord[] = [];
  let pos = zip.readUInt32LE(endRecord(zip) + 16);
  while (zip.readUInt32LE(pos) === 0x02014b50) {
    const nameLen = zip.readUInt16LE(pos + 28);
    const length = 46 + nameLen + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
    records.push({
      at: pos,
      length,
      name: zip.toString('utf8', pos + 46, pos + 46 + nameLen),
      localOffset: zip.readUInt32LE(pos + 42),
    });
    pos += length;
  }
  return records;
}

function recordOf(zip: Buffer, name: string): CentralRecord {
  const record = centralRecords(zip).find((r) => r.name === name);
  if (!record) throw new Error(`${name} not in the central directory`);
  return record;
}

/** Removes `name` from the central directory only: its local entry and data stay in the file. */
export function dropFromCentral(zip: Buffer, name: string): Buffer {
  const r = recordOf(zip, name);
  const out = Buffer.concat([zip.subarray(0, r.at), zip.subarray(r.at + r.length)]);
  const eocd = endRecord(out);
  out.writeUInt16LE(out.readUInt16LE(eocd + 8) - 1, eocd + 8);
  out.writeUInt16LE(out.readUInt16LE(eocd + 10) - 1, eocd + 10);
  out.writeUInt32LE(out.readUInt32LE(eocd + 12) - r.length, eocd + 12);
  return out;
}

/** Rewrites the local header's name of `name` (same byte length); the central one keeps it. */
export function patchLocalName(zip: Buffer, name: string, to: string): Buffer {
  const r = recordOf(zip, name);
  const out = Buffer.from(zip);
  const b = Buffer.from(to);
  if (b.length !== Buffer.byteLength(name)) throw new Error('same byte length only');
  b.copy(out, r.localOffset + 30);
  return out;
}

/** Sets one 16-bit field of `name`'s local header (6: flags, 8: method). */
export function patchLocalField(zip: Buffer, name: string, offset: number, value: number): Buffer {
  const out = Buffer.from(zip);
  out.writeUInt16LE(value, recordOf(zip, name).localOffset + offset);
  return out;
}

/** Points `name`'s central record at another local header offset. */
export function setLocalOffset(zip: Buffer, name: string, offset: number): Buffer {
  const out = Buffer.from(zip);
  out.writeUInt32LE(offset, recordOf(zip, name).at + 42);
  return out;
}

/** Prepends bytes and shifts every offset, as a PDF+ZIP polyglot does: still a valid zip. */
export function prependShifted(zip: Buffer, prefix: Buffer): Buffer {
  const out = Buffer.concat([prefix, zip]);
  const eocd = endRecord(out);
  out.writeUInt32LE(out.readUInt32LE(eocd + 16) + prefix.length, eocd + 16);
  for (const r of centralRecords(out)) out.writeUInt32LE(r.localOffset + prefix.length, r.at + 42);
  return out;
}
