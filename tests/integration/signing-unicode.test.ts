import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signPdf, verifyPdf } from '../../electron/core/signing/pdf';
import { signDetached, verifyDetached } from '../../electron/core/signing/cms';
import { tempDir } from '../helpers/core';
import { makePdf } from '../helpers/pdf';
import { memoryIdentity, opensslCmsVerify, run } from '../helpers/signing';

// Regression: forge wrote a UTF-8 name twice-encoded into the signer's issuer, so a signer
// called "Zoë Ångström" produced a signature no verifier could tie to its certificate.
const NAME = 'Zoë Ångström — Łódź';

describe('signers with names beyond ASCII', () => {
  it('puts the name in the certificate once, as UTF-8', async () => {
    const identity = await memoryIdentity(NAME);
    const file = path.join(tempDir(), 'cert.pem');
    fs.writeFileSync(file, identity.certPem);
    const subject = run('openssl', ['x509', '-in', file, '-noout', '-subject', '-nameopt', 'utf8']);
    expect(subject.out).toContain(NAME);
  });

  it('signs a PDF that pdfsig and our verifier both accept, naming the signer', async () => {
    const identity = await memoryIdentity(NAME);
    const signed = await signPdf(await makePdf(), identity, { reason: 'Gap assessment report' });
    const check = await verifyPdf(signed);
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.signer?.name).toBe(NAME);
    const file = path.join(tempDir(), 'signed.pdf');
    fs.writeFileSync(file, signed);
    const pdfsig = run('pdfsig', [file]);
    expect(pdfsig.out).toContain('Signature is Valid.');
    expect(pdfsig.out).toContain(NAME);
  });

  it('signs a pack manifest that openssl accepts', async () => {
    const identity = await memoryIdentity(NAME);
    const data = Buffer.from('{"files":[]}');
    const signature = await signDetached(data, identity);
    expect((await verifyDetached(data, signature)).valid).toBe(true);
    const result = opensslCmsVerify(tempDir(), data, signature);
    expect(result.out).toContain('Verification successful');
  });
});
