import { createHash } from 'node:crypto';
import { certificatesFromPem } from './certificate';
import { checkCms, type CmsCheck } from './cms-check';
import { signingKey } from './keys';
import { arrayBufferOf, asn1js, OID, pkijs } from './pki';
import type { UnlockedIdentity } from './types';

/** RFC 5652: UTCTime for 1950–2049, GeneralizedTime otherwise. */
function signingTimeValue(at: Date): asn1js.BaseBlock {
  const year = at.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? new asn1js.UTCTime({ valueDate: at })
    : new asn1js.GeneralizedTime({ valueDate: at });
}

/**
 * A detached CMS SignedData (DER) over `data`, made with pkijs: SHA-256, contentType,
 * messageDigest and signingTime as signed attributes, the signer's certificate chain included.
 * RSA keys sign with PKCS#1 v1.5, EC keys with ECDSA. `openssl cms -verify -binary -inform DER
 * -in sig -content data -noverify` accepts it.
 */
export async function signDetached(
  data: Buffer,
  identity: Pick<UnlockedIdentity, 'keyPem' | 'certPem'>,
  signedAt: Date = new Date(),
): Promise<Buffer> {
  const certs = certificatesFromPem(identity.certPem).map((der) =>
    pkijs.Certificate.fromBER(arrayBufferOf(der)),
  );
  const [signer] = certs;
  if (!signer) throw new Error('The identity has no certificate.');
  const digest = createHash('sha256').update(data).digest();
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        // The issuer exactly as encoded in the certificate (parsed names keep their bytes).
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signer.issuer,
          serialNumber: signer.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: OID.contentType,
              values: [new asn1js.ObjectIdentifier({ value: OID.data })],
            }),
            new pkijs.Attribute({ type: OID.signingTime, values: [signingTimeValue(signedAt)] }),
            new pkijs.Attribute({
              type: OID.messageDigest,
              values: [new asn1js.OctetString({ valueHex: arrayBufferOf(digest) })],
            }),
          ],
        }),
      }),
    ],
    certificates: certs,
  });
  await signed.sign(await signingKey(identity.keyPem), 0, 'SHA-256', arrayBufferOf(data));
  const info = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signed.toSchema(true),
  });
  return Buffer.from(info.toSchema().toBER(false));
}

/** Checks a detached signature from signDetached (or any CMS signer) against the data. */
export function verifyDetached(data: Buffer, signatureDer: Buffer, now?: Date): Promise<CmsCheck> {
  return checkCms(signatureDer, data, now);
}
