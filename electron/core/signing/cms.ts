import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { checkCms, type CmsCheck } from './cms-check';
import type { UnlockedIdentity } from './types';

/** Every certificate in a PEM bundle, the signer's first. */
export function certificatesFromPem(pem: string): forge.pki.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => forge.pki.certificateFromPem(block));
}

/**
 * A detached CMS SignedData (DER) over `data`: SHA-256, with contentType, messageDigest and
 * signingTime as signed attributes, and the signer's certificate(s) included.
 * `openssl cms -verify -binary -inform DER -in sig -content data -noverify` accepts it.
 */
export function signDetached(
  data: Buffer,
  identity: Pick<UnlockedIdentity, 'keyPem' | 'certPem'>,
  signedAt: Date = new Date(),
): Buffer {
  const [certificate, ...chain] = certificatesFromPem(identity.certPem);
  if (!certificate) throw new Error('The identity has no certificate.');
  // forge keeps a parsed name's UTF8String as raw UTF-8 bytes but encodes it again when it
  // writes the signer's issuer: decode first, or a name like "Zoë" no longer matches the
  // certificate and verifiers cannot find who signed.
  for (const attr of certificate.issuer.attributes) {
    if (
      attr.valueTagClass === (forge.asn1.Type.UTF8 as unknown) &&
      typeof attr.value === 'string'
    ) {
      attr.value = forge.util.decodeUtf8(attr.value);
    }
  }
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(data.toString('binary'));
  p7.addCertificate(certificate);
  for (const cert of chain) p7.addCertificate(cert);
  const oids = forge.pki.oids as Record<string, string>;
  p7.addSigner({
    key: forge.pki.privateKeyFromPem(identity.keyPem),
    certificate,
    digestAlgorithm: oids.sha256 ?? '',
    authenticatedAttributes: [
      { type: oids.contentType ?? '', value: oids.data },
      // forge's types say string, but it wants a Date here (and encodes UTCTime from it).
      { type: oids.signingTime ?? '', value: signedAt as unknown as string },
      { type: oids.messageDigest ?? '' },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** Checks a detached signature from signDetached (or any CMS signer) against the data. */
export function verifyDetached(data: Buffer, signatureDer: Buffer): CmsCheck {
  return checkCms(signatureDer, (alg) => createHash(alg).update(data).digest());
}
