import { createHash, randomBytes, type KeyPairKeyObjectResult } from 'node:crypto';
import type { SubjectInfo } from './certificate';
import { generateKey, signingKey, type KeyType } from './keys';
import type { KeyAndCert } from './p12';
import { arrayBufferOf, asn1js, OID, pkijs } from './pki';

const YEARS_VALID = 3;

/** A distinguished name with one attribute per RDN (pkijs would put them all in one set). */
function distinguishedName(subject: SubjectInfo): pkijs.RelativeDistinguishedNames {
  const attrs: [string, pkijs.AttributeValueType][] = [
    [OID.commonName, new asn1js.Utf8String({ value: subject.name })],
  ];
  if (subject.organisation)
    attrs.push([OID.organisation, new asn1js.Utf8String({ value: subject.organisation })]);
  attrs.push([OID.email, new asn1js.IA5String({ value: subject.email })]);
  const der = new asn1js.Sequence({
    value: attrs.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()],
        }),
    ),
  }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/**
 * A fresh key (RSA-3072 or ECDSA P-256, made by node:crypto) — or the key pair given — and a
 * self-signed SHA-256 certificate valid for three years, usable for document signing
 * (digitalSignature, nonRepudiation, emailProtection).
 */
export async function createSelfSigned(
  subject: SubjectInfo,
  now: Date,
  keyType: KeyType = 'rsa-3072',
  pair: KeyPairKeyObjectResult = generateKey(keyType),
): Promise<KeyAndCert> {
  const keyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
  const cert = new pkijs.Certificate();
  cert.version = 2;
  // Positive, 128-bit random serial (a leading 01 keeps the DER integer positive).
  cert.serialNumber = new asn1js.Integer({
    valueHex: arrayBufferOf(Buffer.concat([Buffer.from([1]), randomBytes(15)])),
  });
  cert.subject = distinguishedName(subject);
  cert.issuer = distinguishedName(subject);
  cert.notBefore.value = new Date(now.getTime() - 60_000); // tolerate a little clock skew
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + YEARS_VALID);
  cert.notAfter.value = notAfter;
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(arrayBufferOf(spki));
  const keyId = createHash('sha1')
    .update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
    .digest();
  cert.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    // digitalSignature (bit 0) and nonRepudiation (bit 1): 0b11000000 with 6 unused bits.
    extension(
      OID.keyUsage,
      true,
      new asn1js.BitString({ valueHex: arrayBufferOf(Buffer.from([0xc0])), unusedBits: 6 }),
    ),
    extension(
      OID.extKeyUsage,
      false,
      new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection] }).toSchema(),
    ),
    extension(
      OID.subjectKeyIdentifier,
      false,
      new asn1js.OctetString({ valueHex: arrayBufferOf(keyId) }),
    ),
  ];
  await cert.sign(await signingKey(keyPem), 'SHA-256');
  const der = Buffer.from(cert.toSchema(true).toBER(false));
  return { keyPem, chain: [der] };
}
