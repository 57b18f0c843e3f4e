import fs from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { checkLayout } from './archive-layout';

/**
 * Reading a zip someone else made (RELIABILITY.md → Archives). yauzl refuses the worst names on
 * its own; every other limit is ours, checked on the central directory before a byte of content
 * is read, and each refusal names the entry so the person can tell the sender what is wrong.
 */
export interface ArchiveLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Entries larger than ratioFloorBytes may not expand more than maxRatio times. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** All entries together may not expand more than this many times the archive's own size. */
  maxTotalRatio: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_LIMITS: ArchiveLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 20 * 1024 * MiB,
  maxEntryBytes: 8 * 1024 * MiB,
  maxRatio: 100,
  ratioFloorBytes: MiB,
  maxTotalRatio: 200,
};

/** A pack (or part of one) we will not open; `message` says which entry and why. */
export class ArchiveRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRefused';
  }
}

export interface SafeEntry {
  name: string;
  size: number;
  compressedSize: number;
  entry: yauzl.Entry;
}

export interface SafeZip {
  /** Files only (directory entries are checked, then left out). */
  entries: SafeEntry[];
  /** What all entries expand to, from the central directory (checked against the real bytes). */
  totalBytes: number;
  byName: Map<string, SafeEntry>;
  /** The entry's content; any size lie or inflate error surfaces as ArchiveRefused. */
  openStream(entry: SafeEntry): Promise<Readable>;
  close(): void;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

const quote = (name: string) => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);

/** yauzl's own refusals, reworded so they name the entry the way ours do. */
function translate(error: unknown): ArchiveRefused {
  const message = error instanceof Error ? error.message : String(error);
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^absolute path: (.*)$/s, (m) => `Entry ${quote(m[1] ?? '')} has an absolute path.`],
    [
      /^invalid relative path: (.*)$/s,
      (m) => `Entry ${quote(m[1] ?? '')} climbs out of the pack with "..".`,
    ],
    [
      /^invalid characters in fileName: (.*)$/s,
      (m) => `Entry ${quote(m[1] ?? '')} contains a backslash.`,
    ],
    [/^strong encryption/, () => 'The pack contains an encrypted entry.'],
    [/size mismatch for stored file/, () => `An entry's declared sizes disagree (${message}).`],
  ];
  for (const [pattern, say] of rules) {
    const m = message.match(pattern);
    if (m) return new ArchiveRefused(say(m));
  }
  return new ArchiveRefused(`The file is not a readable zip archive (${message}).`);
}

/** The key two names collide under: the same after NFC normalisation and case-folding. */
// Lower, upper, lower: a cheap full case fold ("ß" and "SS" meet as "ss"; "K" Kelvin and "k" too).
export const foldName = (name: string) =>
  name.normalize('NFC').toLowerCase().toUpperCase().toLowerCase();

/** Our own name rules; yauzl's run first but we do not rely on them. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'contains a backslash';
  if (/^[a-zA-Z]:/.test(name)) return 'starts with a drive letter';
  if (name.startsWith('/')) return 'has an absolute path';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'climbs out of the pack with ".."';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." path segment';
  if ([...name].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f'))
    return 'has a control character in its name';
  return null;
}

function checkEntry(entry: yauzl.Entry, limits: ArchiveLimits): string | null {
  const name = entry.fileName;
  const bad = nameProblem(name);
  if (bad) return `Entry ${quote(name)} ${bad}.`;
  if ((entry.generalPurposeBitFlag & 0x41) !== 0 || entry.isEncrypted())
    return `Entry ${quote(name)} is encrypted.`;
  const host = entry.versionMadeBy >>> 8;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  const isDir = name.endsWith('/');
  if (host === UNIX_HOST && mode !== 0) {
    if (mode === S_IFLNK) return `Entry ${quote(name)} is a symbolic link.`;
    if (mode !== S_IFREG && mode !== S_IFDIR)
      return `Entry ${quote(name)} is a device, pipe or socket, not a file.`;
    if (isDir !== (mode === S_IFDIR))
      return `Entry ${quote(name)} claims to be a ${mode === S_IFDIR ? 'folder' : 'file'} but its name says otherwise.`;
  }
  // MS-DOS attribute 0x10 is "directory"; a file name with it set is a folder in disguise.
  if (!isDir && (entry.externalFileAttributes & 0x10) !== 0 && host !== UNIX_HOST)
    return `Entry ${quote(name)} is marked as a folder but named like a file.`;
  if (isDir && entry.uncompressedSize !== 0) return `Folder entry ${quote(name)} has content.`;
  if (entry.uncompressedSize > limits.maxEntryBytes)
    return `Entry ${quote(name)} is ${entry.uncompressedSize} bytes; the limit per file is ${limits.maxEntryBytes}.`;
  if (
    entry.uncompressedSize > limits.ratioFloorBytes &&
    entry.uncompressedSize > entry.compressedSize * limits.maxRatio
  ) {
    const ratio =
      entry.compressedSize === 0 ? '∞' : Math.round(entry.uncompressedSize / entry.compressedSize);
    return `Entry ${quote(name)} expands ${ratio}:1 (limit ${limits.maxRatio}:1) — a zip bomb is refused.`;
  }
  return null;
}

async function openZip(source: string | Buffer): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = {
    lazyEntries: true,
    autoClose: false,
    decodeStrings: true,
    validateEntrySizes: true,
    strictFileNames: true,
  };
  try {
    return typeof source === 'string'
      ? await yauzl.openPromise(source, options)
      : await yauzl.fromBufferPromise(source, options);
  } catch (error) {
    throw translate(error);
  }
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      list.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(list));
    zip.on('error', (error: unknown) => reject(translate(error)));
    zip.readEntry();
  });
}

/** Opens a zip and checks every central-directory entry; throws ArchiveRefused on the first problem. */
export async function openSafeZip(
  source: string | Buffer,
  limits: ArchiveLimits = DEFAULT_LIMITS,
): Promise<SafeZip> {
  const zip = await openZip(source);
  // yauzl's cursor starts at the central directory and ends after it once every entry is read.
  const internals = zip as unknown as {
    readEntryCursor: number;
    fileSize: number;
    comment: string;
  };
  const centralStart = internals.readEntryCursor;
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new ArchiveRefused(
        `The pack has ${zip.entryCount} entries; the limit is ${limits.maxEntries}.`,
      );
    const all = await readAllEntries(zip);
    if (all.length > limits.maxEntries)
      throw new ArchiveRefused(
        `The pack has ${all.length} entries; the limit is ${limits.maxEntries}.`,
      );
    const seen = new Map<string, string>();
    const files: SafeEntry[] = [];
    const folders = new Set<string>();
    let total = 0;
    for (const entry of all) {
      const problem = checkEntry(entry, limits);
      if (problem) throw new ArchiveRefused(problem);
      const name = entry.fileName;
      const key = foldName(name.replace(/\/$/, ''));
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new ArchiveRefused(
          earlier === name
            ? `Entry ${quote(name)} appears twice.`
            : `Entries ${quote(earlier)} and ${quote(name)} differ only in case or Unicode normalisation.`,
        );
      }
      seen.set(key, name);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes)
        throw new ArchiveRefused(
          `The pack expands to more than ${limits.maxTotalBytes} bytes (at entry ${quote(name)}).`,
        );
      if (name.endsWith('/')) folders.add(key);
      else
        files.push({
          name,
          size: entry.uncompressedSize,
          compressedSize: entry.compressedSize,
          entry,
        });
    }
    if (total > limits.ratioFloorBytes && total > internals.fileSize * limits.maxTotalRatio)
      throw new ArchiveRefused(
        `The pack expands ${Math.round(total / internals.fileSize)} times its own size (limit ${limits.maxTotalRatio}): a zip bomb is refused.`,
      );
    const layout = await checkLayout(
      source,
      {
        fileSize: internals.fileSize,
        centralStart,
        centralEnd: internals.readEntryCursor,
        commentBytes: internals.comment.length,
      },
      all,
    );
    if (layout) throw new ArchiveRefused(layout);
    // A file may not also be a folder: "a" as a file next to "a/b" would extract over each other.
    for (const file of files) {
      const parts = foldName(file.name).split('/');
      for (let i = 1; i < parts.length; i += 1) {
        const prefix = parts.slice(0, i).join('/');
        const clash = seen.get(prefix);
        if (clash !== undefined && !folders.has(prefix))
          throw new ArchiveRefused(
            `Entry ${quote(clash)} is a file and also the folder of ${quote(file.name)}.`,
          );
      }
    }
    return {
      entries: files,
      totalBytes: total,
      byName: new Map(files.map((f) => [f.name, f])),
      async openStream(file) {
        let stream: Readable;
        try {
          stream = await zip.openReadStreamPromise(file.entry);
        } catch (error) {
          throw translate(error);
        }
        return guardStream(stream, file);
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** Counts bytes ourselves too: an entry that yields more than it declared stops at once. */
function guardStream(stream: Readable, file: SafeEntry): Readable {
  let seen = 0;
  const fail = (message: string) =>
    stream.destroy(new ArchiveRefused(`Entry ${quote(file.name)}: ${message}`));
  stream.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > file.size) fail(`holds more bytes than its declared ${file.size}.`);
  });
  return stream;
}

/** Any failure while reading an entry's content, as a refusal that names the entry. */
export function entryError(file: SafeEntry, error: unknown): ArchiveRefused {
  if (error instanceof ArchiveRefused) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ArchiveRefused(
    `Entry ${quote(file.name)} is damaged or lies about its size (${message}).`,
  );
}

/** Free bytes for this process under `dir`. */
async function freeBytes(dir: string): Promise<number> {
  const stats = await fs.promises.statfs(dir);
  return stats.bavail * stats.bsize;
}

/** Room to spare after extracting, so a pack never fills the disk the store lives on. */
const SPARE_BYTES = 1024 * 1024;

/** Refuses, before a byte is extracted, contents of `totalBytes` that would not fit in `dir`. */
export async function ensureRoomFor(
  totalBytes: number,
  dir: string,
  free: (dir: string) => Promise<number> = freeBytes,
): Promise<void> {
  const available = await free(dir);
  if (totalBytes + SPARE_BYTES > available)
    throw new ArchiveRefused(
      `The pack expands to ${totalBytes} bytes but ${dir} has only ${available} bytes of free space.`,
    );
}

/** `ensureRoomFor` the whole of an opened archive. */
export const ensureRoom = (zip: SafeZip, dir: string, free?: (dir: string) => Promise<number>) =>
  ensureRoomFor(zip.totalBytes, dir, free);
