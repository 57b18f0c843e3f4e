import fs from 'node:fs';
import type yauzl from 'yauzl';

/**
 * The central directory is the truth, and every byte of the archive must be accounted for by it:
 * entry after entry from byte 0, then the central directory, then the end record. Readers differ
 * in what they trust (some walk local headers from the start, some read the directory at the
 * end, a PDF reader looks for %PDF anywhere near the start), so an archive with bytes the
 * directory does not cover, local headers that disagree with it, or entries that overlap could
 * show another reader other content. Such an archive is refused, never repaired.
 */

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX_LOCAL_EXTRA = 1024;
const EOCD_BYTES = 22;
const ZIP64_TRAILER_BYTES = 56 + 20;

export interface ArchiveFrame {
  fileSize: number;
  centralStart: number;
  centralEnd: number;
  commentBytes: number;
}

interface Span {
  start: number;
  end: number;
  name: string;
}

type ReadAt = (offset: number, length: number) => Promise<Buffer>;

async function readerFor(
  source: string | Buffer,
): Promise<{ read: ReadAt; close(): Promise<void> }> {
  if (Buffer.isBuffer(source)) {
    return { read: async (o, n) => source.subarray(o, o + n), close: async () => undefined };
  }
  const handle = await fs.promises.open(source, 'r');
  return {
    read: async (offset, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

const quote = (name: string) => JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/**
 * Checks one entry's local header against its central record: the bytes it spans (from its own
 * header's lengths), and what disagrees, if anything.
 */
async function localSpan(
  read: ReadAt,
  entry: yauzl.Entry,
): Promise<{ span: Span | null; problem: string | null }> {
  const name = entry.fileName;
  const start = entry.relativeOffsetOfLocalHeader;
  const head = await read(start, 30);
  if (head.length < 30 || head.readUInt32LE(0) !== LOCAL)
    return {
      span: null,
      problem: `Entry ${quote(name)} has no local header where the central directory points.`,
    };
  const flags = head.readUInt16LE(6);
  const method = head.readUInt16LE(8);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const localName = await read(start + 30, nameLength);
  const localCompressed = head.readUInt32LE(18);
  const zip64 =
    localCompressed === 0xffffffff ||
    entry.compressedSize >= 0xffffffff ||
    entry.uncompressedSize >= 0xffffffff;
  const problem = disagreement();
  let end = start + 30 + nameLength + extraLength + entry.compressedSize;
  if ((flags & 0x08) !== 0) {
    const signature = await read(end, 4);
    const signed = signature.length === 4 && signature.readUInt32LE(0) === DESCRIPTOR;
    end += (signed ? 4 : 0) + (zip64 ? 20 : 12);
  }
  return { span: { start, end, name }, problem };

  function disagreement(): string | null {
    if (!localName.equals(entry.fileNameRaw))
      return `Entry ${quote(name)}: its local header names it ${quote(localName.toString('utf8'))}.`;
    if (flags !== entry.generalPurposeBitFlag)
      return `Entry ${quote(name)}: its local header has flags ${hex(flags)}, the central directory ${hex(entry.generalPurposeBitFlag)}.`;
    if (method !== entry.compressionMethod)
      return `Entry ${quote(name)}: its local header and the central directory disagree on compression.`;
    if (extraLength > MAX_LOCAL_EXTRA)
      return `Entry ${quote(name)} carries ${extraLength} bytes of extra fields in its local header.`;
    if ((flags & 0x08) === 0 && !zip64) {
      const sizesAgree =
        localCompressed === entry.compressedSize &&
        head.readUInt32LE(22) === entry.uncompressedSize &&
        head.readUInt32LE(14) === entry.crc32;
      if (!sizesAgree)
        return `Entry ${quote(name)}: its local header and the central directory disagree on its sizes or checksum.`;
    }
    return null;
  }
}

function coverageProblem(spans: Span[], frame: ArchiveFrame): string | null {
  spans.sort((a, b) => a.start - b.start);
  const first = spans[0];
  const firstStart = first ? first.start : frame.centralStart;
  if (firstStart !== 0)
    return `The archive has ${firstStart} bytes before the first entry (another file glued in front, as in a PDF+ZIP polyglot).`;
  for (let i = 1; i < spans.length; i += 1) {
    const prev = spans[i - 1] as Span;
    const next = spans[i] as Span;
    if (next.start < prev.end)
      return `Entries ${quote(prev.name)} and ${quote(next.name)} overlap: they share bytes.`;
    if (next.start > prev.end)
      return `Bytes ${prev.end}–${next.start - 1} are not covered by the central directory (a hidden entry another reader could see).`;
  }
  const last = spans[spans.length - 1];
  if (last && last.end > frame.centralStart)
    return `Entry ${quote(last.name)} and the central directory overlap.`;
  if (last && last.end < frame.centralStart)
    return `Bytes ${last.end}–${frame.centralStart - 1} are not covered by the central directory (a hidden entry another reader could see).`;
  const trailer = frame.fileSize - frame.centralEnd - frame.commentBytes;
  if (trailer !== EOCD_BYTES && trailer !== EOCD_BYTES + ZIP64_TRAILER_BYTES)
    return 'The archive has bytes after the end of its central directory that belong to no part of it.';
  return null;
}

/** Refuses an archive that could be read more than one way; see the comment at the top. */
export async function checkLayout(
  source: string | Buffer,
  frame: ArchiveFrame,
  entries: yauzl.Entry[],
): Promise<string | null> {
  if (frame.commentBytes > 0) return 'The archive has a comment; an Assay pack never does.';
  const { read, close } = await readerFor(source);
  try {
    const spans: Span[] = [];
    const problems: string[] = [];
    for (const entry of entries) {
      const { span, problem } = await localSpan(read, entry);
      if (!span) return problem;
      spans.push(span);
      if (problem) problems.push(problem);
    }
    // Where the bytes lie first: overlapping or hidden entries explain a disagreeing header.
    return coverageProblem(spans, frame) ?? problems[0] ?? null;
  } finally {
    await close();
  }
}
