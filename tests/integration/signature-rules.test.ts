import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_MS,
  createSelfSigned,
  signDetached,
  signPdf,
  toPem,
  verifyDetached,
  verifyPdf,
} from '../../electron/core/signing';
import { tempDir } from '../helpers/core';
import { makePdf } from '../helpers/pdf';
import { hasTool, memoryIdentity, opensslIdentity, run } from '../helpers/signing';

const data = Buffer.from('{"files":[{"path":"report.pdf"}]}\n');
const haveOpenssl = hasTool('openssl');

describe('signature checks refuse what a forger can choose', () => {
  it.skipIf(!haveOpenssl).each([
    ['RSA-512', ['-newkey', 'rsa:512']],
    ['RSA-1024', ['-newkey', 'rsa:1024']],
  ])(
    'a manifest and a PDF signed with an %s key are refused, naming the key size',
    async (label, newkey) => {
      const weak = opensslIdentity(tempDir('assay-weak-'), newkey);
      const manifest = await verifyDetached(data, await signDetached(data, weak));
      expect(manifest.valid).toBe(false);
      expect(manifest.problems.join(' ')).toMatch(
        new RegExp(`${label.replace('-', ' with ')} bits.*at least 2048`),
      );
      const pdf = await verifyPdf(await signPdf(await makePdf(), weak, { reason: 'weak' }));
      expect(pdf.valid).toBe(false);
      expect(pdf.problems.join(' ')).toMatch(/at least 2048 bits/);
    },
  );

  it.skipIf(!haveOpenssl)(
    'a signature by an elliptic-curve key under 256 bits (P-224, made by openssl) is refused',
    async () => {
      const dir = tempDir('assay-weak-ec-');
      const weak = opensslIdentity(dir, ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-224']);
      const dataFile = path.join(dir, 'm.json');
      const sigFile = path.join(dir, 'm.p7s');
      fs.writeFileSync(dataFile, data);
      const signed = run('openssl', [
        'cms',
        '-sign',
        '-binary',
        '-md',
        'sha256',
        '-in',
        dataFile,
        '-signer',
        weak.certFile,
        '-inkey',
        weak.keyFile,
        '-outform',
        'DER',
        '-out',
        sigFile,
      ]);
      expect(signed.code, signed.out).toBe(0);
      const check = await verifyDetached(data, fs.readFileSync(sigFile));
      expect(check.valid).toBe(false);
      expect(check.problems.join(' ')).toMatch(/P-224|224 bits|not supported/);
    },
  );

  it('a signing time in the future beyond the clock skew is refused; within it, accepted', async () => {
    const identity = await memoryIdentity('Future Signer');
    const now = new Date();
    const far = new Date(now.getTime() + CLOCK_SKEW_MS + 60_000);
    const check = await verifyDetached(data, await signDetached(data, identity, far), now);
    expect(check.valid).toBe(false);
    expect(check.problems.join(' ')).toMatch(/in the future is refused/);
    const near = new Date(now.getTime() + CLOCK_SKEW_MS - 60_000);
    const ok = await verifyDetached(data, await signDetached(data, identity, near), now);
    expect(ok.problems).toEqual([]);
    expect(ok.valid).toBe(true);
  });

  it('every verdict says the signing time is only claimed by the signer', async () => {
    const identity = await memoryIdentity('Claimed Time');
    const check = await verifyDetached(data, await signDetached(data, identity));
    expect(check.notes.join(' ')).toMatch(/claimed by the signer/);
  });

  it('an expired certificate with a back-dated signing time is worded as a claim, never as proof', async () => {
    const made = new Date(Date.now() - 4 * 365 * 864e5); // valid for 3 years: expired a year ago
    const kc = await createSelfSigned(
      { name: 'Old Key', organisation: 'Test Org', email: 'old@example.test' },
      made,
    );
    const identity = { keyPem: kc.keyPem, certPem: kc.chain.map(toPem).join('') };
    const backdated = new Date(made.getTime() + 864e5);
    const check = await verifyDetached(data, await signDetached(data, identity, backdated));
    const said = check.notes.join(' ');
    expect(said).toMatch(/expired/);
    expect(said).toMatch(/only claimed/);
    expect(said).toMatch(/could have signed later/);
    // Outside the validity at the claimed time is a problem, not a note.
    const before = new Date(made.getTime() - 864e5);
    const outside = await verifyDetached(data, await signDetached(data, identity, before));
    expect(outside.valid).toBe(false);
    expect(outside.problems.join(' ')).toMatch(/not valid at the claimed signing time/);
  });
});
