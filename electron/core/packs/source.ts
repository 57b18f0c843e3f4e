import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ArchiveRefused, entryError, openSafeZip, type ArchiveLimits } from './archive-safety';
import { IMPORT_NOTE } from './note';

/** The files of a pack, whether still in its zip or already extracted into a folder. */
export interface PackSource {
  files(): { name: string; size: number }[];
  stream(name: string): Promise<Readable>;
  close(): void;
}

export async function zipSource(
  source: string | Buffer,
  limits?: ArchiveLimits,
): Promise<PackSource> {
  const zip = await openSafeZip(source, limits);
  return {
    files: () => zip.entries.map((e) => ({ name: e.name, size: e.size })),
    async stream(name) {
      const entry = zip.byName.get(name);
      if (!entry) throw new ArchiveRefused(`The pack has no entry ${JSON.stringify(name)}.`);
      const stream = await zip.openStream(entry);
      // Read errors are reworded by the consumer, which needs the entry to name it.
      return Object.assign(stream, { packEntry: entry });
    },
    close: () => zip.close(),
  };
}

function walk(root: string, dir = '', out: { name: string; size: number }[] = []) {
  for (const d of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${d.name}` : d.name;
    if (d.isDirectory()) walk(root, rel, out);
    else if (d.isFile() && rel !== IMPORT_NOTE)
      out.push({ name: rel, size: fs.statSync(path.join(root, rel)).size });
    else if (!d.isFile()) out.push({ name: rel, size: -1 });
  }
  return out;
}

/** An imported pack's folder, re-read for a fresh check (links and oddities show as size -1). */
export function folderSource(root: string): PackSource {
  return {
    files: () => walk(root),
    async stream(name) {
      const file = path.join(root, ...name.split('/'));
      if (!fs.lstatSync(file).isFile()) throw new ArchiveRefused(`${name} is not a regular file.`);
      return fs.createReadStream(file);
    },
    close: () => undefined,
  };
}

/** SHA-256 and byte count of one file, streamed. */
export async function hashOf(
  source: PackSource,
  name: string,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const stream = await source.stream(name);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
  } catch (error) {
    throw wrapError(stream, name, error);
  }
  return { sha256: hash.digest('hex'), size };
}

/** A file read whole, refused beyond `max` bytes without reading further. */
export async function readCapped(source: PackSource, name: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = await source.stream(name);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) {
        stream.destroy();
        throw new ArchiveRefused(`${name} is larger than ${max} bytes.`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw wrapError(stream, name, error);
  }
  return Buffer.concat(chunks);
}

function wrapError(stream: Readable, name: string, error: unknown): Error {
  const entry = (stream as Readable & { packEntry?: Parameters<typeof entryError>[0] }).packEntry;
  if (entry) return entryError(entry, error);
  if (error instanceof ArchiveRefused) return error;
  return new ArchiveRefused(
    `${name} could not be read (${error instanceof Error ? error.message : String(error)}).`,
  );
}
