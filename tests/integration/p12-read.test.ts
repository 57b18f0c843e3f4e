import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { createSelfSigned, decodeP12, encodeP12, fingerprintOf } from '../../electron/core/signing';
import { tempDir } from '../helpers/core';
import { hasTool, run } from '../helpers/signing';

const subject = { name: 'Zoë Ångström', organisation: 'Łódź Audit', email: 'z@example.test' };
const UNICODE_PASS = 'Zoë — Łódź passphrase ✓';

describe('identity files (PKCS#12) open faithfully', () => {
  it('an RSA certificate keeps its exact bytes and fingerprint through the identity file', async () => {
    // pkijs leaves out the NULL algorithm parameters that forge writes back: a reader that
    // re-encodes hands back a different certificate, so the fingerprint people trust changes.
    const kc = await createSelfSigned(subject, new Date(), 'rsa-3072');
    const back = await decodeP12(
      await encodeP12(kc, 'long enough passphrase', 'Zoë'),
      'long enough passphrase',
    );
    expect(back.chain[0]?.equals(kc.chain[0] as Buffer)).toBe(true);
    expect(fingerprintOf(back.chain[0] as Buffer)).toBe(fingerprintOf(kc.chain[0] as Buffer));
  });

  it.each(['rsa-3072', 'ec-p256'] as const)(
    'a %s identity with a passphrase beyond ASCII opens again, and openssl opens it too',
    async (keyType) => {
      const kc = await createSelfSigned(subject, new Date(), keyType);
      const p12 = await encodeP12(kc, UNICODE_PASS, 'Zoë');
      const back = await decodeP12(p12, UNICODE_PASS);
      expect(back.keyPem).toContain('PRIVATE KEY');
      await expect(decodeP12(p12, `${UNICODE_PASS}!`)).rejects.toMatchObject({
        kind: 'passphrase',
      });
      if (hasTool('openssl')) {
        const file = path.join(tempDir('assay-p12-'), 'id.p12');
        fs.writeFileSync(file, p12);
        const info = run('openssl', [
          'pkcs12',
          '-in',
          file,
          '-passin',
          `pass:${UNICODE_PASS}`,
          '-nodes',
          '-noout',
        ]);
        expect(info.code, info.out).toBe(0);
      }
    },
  );

  it('an identity file written by the earlier forge-based Assay with a non-ASCII passphrase still opens', async () => {
    const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date();
    cert.validity.notAfter = new Date(Date.now() + 864e5);
    cert.setSubject([{ name: 'commonName', value: 'Old Signer' }]);
    cert.setIssuer([{ name: 'commonName', value: 'Old Signer' }]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], UNICODE_PASS, {
      algorithm: 'aes256',
      count: 2048,
      friendlyName: 'old',
      generateLocalKeyId: true,
    });
    const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    const back = await decodeP12(p12, UNICODE_PASS);
    expect(back.keyPem).toContain('PRIVATE KEY');
    await expect(decodeP12(p12, 'Zoe - Lodz passphrase')).rejects.toMatchObject({
      kind: 'passphrase',
    });
  });
});
