/**
 * A small strict DER reader that keeps every element's byte offsets, so a verifier can hash the
 * exact bytes that were signed (re-encoding a parsed structure could change them). It refuses
 * BER-only forms (indefinite lengths, high tag numbers) and anything that runs past its parent.
 */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export interface DerNode {
  tag: number;
  /** Offset of the tag byte, of the content, and one past the end, in `buf`. */
  start: number;
  contentStart: number;
  end: number;
  buf: Buffer;
}

export const TAG = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
  CONTEXT_0: 0xa0,
  CONTEXT_1: 0xa1,
} as const;

type Maybe = DerNode | undefined;

function need(node: Maybe): DerNode {
  if (!node) throw new DerError('an element is missing');
  return node;
}

const byteAt = (buf: Buffer, i: number): number => {
  const b = buf[i];
  if (b === undefined) throw new DerError('truncated structure');
  return b;
};

export function readNode(buf: Buffer, offset: number, limit = buf.length): DerNode {
  if (offset + 2 > limit) throw new DerError('truncated structure');
  const tag = byteAt(buf, offset);
  if ((tag & 0x1f) === 0x1f) throw new DerError('unsupported tag form');
  let pos = offset + 1;
  const first = byteAt(buf, pos++);
  let length: number;
  if (first < 0x80) length = first;
  else {
    const count = first & 0x7f;
    if (count === 0) throw new DerError('indefinite length (BER) is not DER');
    if (count > 4 || pos + count > limit) throw new DerError('length out of range');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byteAt(buf, pos++);
  }
  const end = pos + length;
  if (end > limit) throw new DerError('element runs past its container');
  return { tag, start: offset, contentStart: pos, end, buf };
}

export function children(maybe: Maybe): DerNode[] {
  const node = need(maybe);
  if ((node.tag & 0x20) === 0) throw new DerError('expected a constructed element');
  const out: DerNode[] = [];
  let pos = node.contentStart;
  while (pos < node.end) {
    const child = readNode(node.buf, pos, node.end);
    out.push(child);
    pos = child.end;
  }
  return out;
}

export const content = (node: Maybe): Buffer =>
  need(node).buf.subarray(need(node).contentStart, need(node).end);
export const raw = (node: Maybe): Buffer =>
  need(node).buf.subarray(need(node).start, need(node).end);

export function expect(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(`${what} is missing or malformed`);
  return node;
}

export function oid(node: Maybe): string {
  expect(node, TAG.OID, 'object identifier');
  const bytes = content(node);
  if (bytes.length === 0) throw new DerError('empty object identifier');
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  const head = parts.shift() ?? 0;
  const a = head < 40 ? 0 : head < 80 ? 1 : 2;
  return [a, head - a * 40, ...parts].join('.');
}

/** UTCTime or GeneralizedTime (Z only, as DER requires) to a Date. */
export function time(maybe: Maybe): Date {
  const node = need(maybe);
  const text = content(node).toString('latin1');
  const utc = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const gen = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
  let parts: string[] | null = null;
  if (node.tag === TAG.UTC_TIME && utc) {
    const yy = Number(utc[1]);
    parts = [String(yy >= 50 ? 1900 + yy : 2000 + yy), ...utc.slice(2)];
  } else if (node.tag === TAG.GENERALIZED_TIME && gen) parts = gen.slice(1);
  if (!parts) throw new DerError('malformed time');
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** A directory string in any of the encodings certificates use. */
export function text(maybe: Maybe): string {
  const node = need(maybe);
  const bytes = content(node);
  if (node.tag === TAG.UTF8) return bytes.toString('utf8');
  if (node.tag === TAG.BMP) {
    // Copy first: swap16 works in place and `bytes` shares memory with the signature.
    const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    return copy.swap16().toString('utf16le');
  }
  return bytes.toString('latin1');
}
