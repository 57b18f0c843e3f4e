import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf, verifyPdf } from '../../electron/core/signing/pdf';
import { tempDir } from '../helpers/core';
import { makePdf } from '../helpers/pdf';
import { hasTool, memoryIdentity, run } from '../helpers/signing';

const identity = await memoryIdentity('Dana Assessor');
const dir = tempDir('assay-pdfsig-');
const havePdfsig = hasTool('pdfsig');
let plain: Buffer;
let signed: Buffer;

function pdfsig(bytes: Buffer, name: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return run('pdfsig', [file]).out;
}

/** Rewrites the ByteRange numbers in place (same length, so every offset stays put). */
function withByteRange(pdf: Buffer, numbers: number[]): Buffer {
  const text = pdf.toString('latin1');
  const m = /\/ByteRange\s*\[[^\]]*\]/.exec(text);
  if (!m) throw new Error('no ByteRange');
  const replacement = `/ByteRange [${numbers.join(' ')}`.padEnd(m[0].length - 1, ' ') + ']';
  if (replacement.length !== m[0].length) throw new Error('ByteRange does not fit');
  const out = Buffer.from(pdf);
  out.write(replacement, m.index, 'latin1');
  return out;
}

function byteRangeOf(pdf: Buffer): number[] {
  const m = /\/ByteRange\s*\[([^\]]*)\]/.exec(pdf.toString('latin1'));
  return (m?.[1] ?? '').trim().split(/\s+/).map(Number);
}

/** A real incremental update: a new Info object, an xref section and a trailer with /Prev. */
function appendUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const size = Number([...text.matchAll(/\/Size\s+(\d+)/g)].pop()?.[1]);
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].pop()?.[1];
  const prev = Number([...text.matchAll(/startxref\s+(\d+)/g)].pop()?.[1]);
  const body = `\n${size} 0 obj\n<< /Title (Changed after signing) >>\nendobj\n`;
  const objAt = pdf.length + 1;
  const xrefAt = pdf.length + body.length;
  const tail =
    `xref\n${size} 1\n${String(objAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body + tail, 'latin1')]);
}

beforeAll(async () => {
  plain = await makePdf('Gap assessment report — ACME');
  signed = await signPdf(plain, identity, { reason: 'Gap assessment report', location: 'Leeds' });
});

describe('signed PDF reports', () => {
  it('a freshly signed report is valid for us and for poppler', async () => {
    const check = await verifyPdf(signed);
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.coversWholeFile).toBe(true);
    expect(check.signer).toMatchObject({
      name: 'Dana Assessor',
      fingerprint: identity.fingerprint,
    });
    expect(Date.now() - Date.parse(check.signedAt ?? '')).toBeLessThan(120_000);
    if (havePdfsig) {
      const out = pdfsig(signed, 'signed.pdf');
      expect(out).toContain('Signature is Valid.');
      expect(out).toContain('Total document signed');
      expect(out).toContain('SHA-256');
    }
  });

  it('one flipped byte inside the signed range: digest mismatch for poppler and for us', async () => {
    const [, b] = byteRangeOf(signed);
    // Inside the first signed range, in the middle of the original document.
    const at = Math.floor((b ?? 0) / 2);
    const tampered = Buffer.from(signed);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const check = await verifyPdf(tampered);
    expect(check.valid).toBe(false);
    expect(check.problems.join(' ')).toMatch(/digest does not match/);
    if (havePdfsig) expect(pdfsig(tampered, 'flipped.pdf')).toContain('Digest Mismatch');
  });

  it('an appended incremental update is an alteration even though the digest still verifies', async () => {
    const updated = appendUpdate(signed);
    const check = await verifyPdf(updated);
    expect(check.valid).toBe(false);
    expect(check.coversWholeFile).toBe(false);
    expect(check.problems.join(' ')).toMatch(/added after signing/);
    if (havePdfsig) {
      const out = pdfsig(updated, 'updated.pdf');
      expect(out).toContain('Not total document signed');
      expect(out).toContain('Signature is Valid.');
    }
    // Bytes appended without any PDF structure count too.
    expect((await verifyPdf(Buffer.concat([signed, Buffer.from('\n')]))).valid).toBe(false);
  });

  // Offsets move with the numbers' digit counts, so the deltas stay small enough to fit in place.
  it('shifted and wrapped ByteRanges are refused with a reason', async () => {
    const [a = 0, b = 0, c = 0, d = 0] = byteRangeOf(signed);
    const cases: [number[], RegExp][] = [
      [[a, b - 2, c, d], /not exactly a hex string/],
      [[a, b, c + 2, d - 2], /not exactly a hex string/],
      [[1, b - 1, c, d], /do not start at the beginning/],
      [[a, b, c, d - 9], /added after signing/],
      [[a, b, c, d + 1], /outside the file/],
      [[a, c, b, d], /outside the file|overlaps/],
    ];
    for (const [numbers, reason] of cases) {
      const check = await verifyPdf(withByteRange(signed, numbers));
      expect(check.valid, numbers.join(' ')).toBe(false);
      expect(check.problems.join(' '), numbers.join(' ')).toMatch(reason);
    }
    const malformed = await verifyPdf(withByteRange(signed, [a, b, c]));
    expect(malformed.problems.join(' ')).toMatch(/malformed/);
  });

  it('empty and malformed Contents are refused with a reason', async () => {
    const [, b = 0, c = 0] = byteRangeOf(signed);
    const empty = Buffer.from(signed);
    empty.fill('0', b + 1, c - 1);
    expect((await verifyPdf(empty)).problems.join(' ')).toMatch(/Contents is empty/);

    const notHex = Buffer.from(signed);
    notHex.write('ZZ', b + 1, 'latin1');
    expect((await verifyPdf(notHex)).problems.join(' ')).toMatch(/not exactly a hex string/);

    const garbageDer = Buffer.from(signed);
    garbageDer.fill('AB', b + 1, c - 1);
    const check = await verifyPdf(garbageDer);
    expect(check.valid).toBe(false);
    expect(check.problems.join(' ')).toMatch(/cannot be read/);
  });

  it('a second signature is reported: exactly one is expected', async () => {
    const twice = await signPdf(signed, await memoryIdentity('Second Signer'), { reason: 'again' });
    const check = await verifyPdf(twice);
    expect(check.valid).toBe(false);
    expect(check.problems[0]).toMatch(/2 signature dictionaries/);
  });

  it('unsigned PDFs are invalid, and anything that is not a PDF is unreadable', async () => {
    const unsigned = await verifyPdf(plain);
    expect(unsigned).toMatchObject({ valid: false, unreadable: false });
    expect(unsigned.problems).toEqual(['The PDF is not signed.']);
    const junk = [
      Buffer.alloc(0),
      Buffer.from('hello'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    ];
    for (const bytes of junk) {
      const check = await verifyPdf(bytes);
      expect(check).toMatchObject({ valid: false, unreadable: true, signer: null });
    }
    // A PDF header followed by garbage is a (broken) PDF: invalid, never a crash.
    const truncated = await verifyPdf(signed.subarray(0, Math.floor(signed.length / 2)));
    expect(truncated.valid).toBe(false);
  });
});
