/**
 * Finds the signature dictionaries of a PDF by their /ByteRange and checks, byte by byte, that
 * the ranges are the honest ones: from 0 to the end of the file, with a gap that is exactly this
 * signature's own <hex> Contents. These checks catch incremental-saving, signature-wrapping and
 * universal-forgery attacks that a digest check alone lets through.
 */
export interface SignatureLayout {
  problems: string[];
  /** The four ByteRange numbers, once they are well formed and inside the file. */
  ranges: [number, number][] | null;
  coversWholeFile: boolean;
  /** The DER bytes from Contents (padding zeros included), when the gap is a hex string. */
  contents: Buffer | null;
  subFilter: string | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[([^\]]{0,200})\]/g;

export function countByteRanges(pdf: Buffer): number {
  let count = 0;
  for (let at = pdf.indexOf('/ByteRange'); at !== -1; at = pdf.indexOf('/ByteRange', at + 1))
    count++;
  return count;
}

const isHex = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** Exactly one <hex> string of whole bytes: what the unsigned gap (the /Contents) must be. */
function isHexGap(gap: Buffer): boolean {
  const inner = gap.subarray(1, gap.length - 1);
  return (
    gap.length >= 2 &&
    gap[0] === 0x3c &&
    gap[gap.length - 1] === 0x3e &&
    inner.every(isHex) &&
    inner.length % 2 === 0
  );
}

/** The object (`n 0 obj … endobj`) that contains offset `at`, as [start, end). */
function enclosingObject(pdf: Buffer, at: number): [number, number] | null {
  const head = pdf.subarray(Math.max(0, at - 4096), at).toString('latin1');
  const match = /\d+\s+\d+\s+obj\b(?![\s\S]*\bobj\b)/.exec(head);
  const end = pdf.indexOf('endobj', at);
  if (!match || end === -1) return null;
  return [Math.max(0, at - 4096) + match.index, end];
}

export function readLayout(pdf: Buffer): SignatureLayout {
  const layout: SignatureLayout = {
    problems: [],
    ranges: null,
    coversWholeFile: false,
    contents: null,
    subFilter: null,
  };
  const text = pdf.toString('latin1');
  BYTE_RANGE.lastIndex = 0;
  const match = BYTE_RANGE.exec(text);
  if (!match) {
    layout.problems.push('The signature has no readable ByteRange.');
    return layout;
  }
  const numbers = (match[1] ?? '').trim().split(/\s+/);
  if (numbers.length !== 4 || !numbers.every((n) => /^\d{1,15}$/.test(n))) {
    layout.problems.push(`The ByteRange [${(match[1] ?? '').trim().slice(0, 60)}] is malformed.`);
    return layout;
  }
  const [a, b, c, d] = numbers.map(Number) as [number, number, number, number];
  const brStart = match.index;
  const brEnd = brStart + match[0].length;

  if (a !== 0)
    layout.problems.push(
      `The signed bytes do not start at the beginning of the file (ByteRange starts at ${a}).`,
    );
  if (!(a <= b && b < c && c + d <= pdf.length)) {
    layout.problems.push('The ByteRange points outside the file or overlaps itself.');
    return layout;
  }
  layout.ranges = [
    [a, b - a],
    [c, d],
  ];
  layout.coversWholeFile = a === 0 && c + d === pdf.length;
  if (c + d < pdf.length) {
    const extra = pdf.length - (c + d);
    // Bytes in front shift the signed document, /Contents and all, by `extra`: the hex string
    // then sits `extra` bytes past where the ByteRange says. Bytes after signing move nothing.
    layout.problems.push(
      isHexGap(pdf.subarray(b + extra, c + extra)) && !isHexGap(pdf.subarray(b, c))
        ? `${extra} bytes were put in front of the signed document (or inside it): the signature's byte ranges no longer line up with the file, so what a reader shows is not what was signed.`
        : `${extra} bytes were added after signing (an incremental update) and are not covered by the signature.`,
    );
  }

  // The ByteRange itself must be among the signed bytes, or it could be rewritten freely.
  const inFirst = brStart >= a && brEnd <= b;
  const inSecond = brStart >= c && brEnd <= c + d;
  if (!inFirst && !inSecond)
    layout.problems.push('The ByteRange itself is not covered by the signature.');

  // The gap must be exactly one <hex> string, and it must be this dictionary's /Contents.
  if (!isHexGap(pdf.subarray(b, c))) {
    layout.problems.push('The unsigned gap is not exactly a hex string (the signature Contents).');
    return layout;
  }
  const before = text.slice(Math.max(0, b - 32), b);
  const object = enclosingObject(pdf, brStart);
  if (!/\/Contents\s*$/.test(before) || !object || b < object[0] || c > object[1]) {
    layout.problems.push(
      "The unsigned gap is not this signature's own Contents (signature wrapping).",
    );
    return layout;
  }
  const dict = text.slice(object[0], object[1]);
  layout.subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1] ?? null;
  const der = Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1'), 'hex');
  if (der.length === 0 || der.every((byte) => byte === 0)) {
    layout.problems.push('The signature Contents is empty.');
    return layout;
  }
  layout.contents = der;
  return layout;
}
