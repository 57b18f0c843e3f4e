import { createHash, X509Certificate } from 'node:crypto';
import { describeKey, type KeyFacts } from './keys';
import { arrayBufferOf, asn1js, OID, pkijs, STRONG_SIGNATURES } from './pki';

/** Who a certificate names, as shown to a verifier. */
export interface SubjectInfo {
  name: string;
  organisation: string;
  email: string;
}

/** What a verifier and the trust list need to know about one X.509 certificate. */
export interface CertificateFacts {
  /** The certificate exactly as it was encoded (its fingerprint is over these bytes). */
  der: Buffer;
  /** SHA-256 of the DER, upper-case hex pairs joined by ':' (as `openssl x509 -fingerprint`). */
  fingerprint: string;
  subject: SubjectInfo;
  issuer: SubjectInfo;
  /** Issued by itself: its own key verifies its signature and it names itself as issuer. */
  selfSigned: boolean;
  /** May issue certificates (basicConstraints cA). */
  isCa: boolean;
  key: KeyFacts;
  /** Why its own signature algorithm is not acceptable (SHA-1, MD5 …), or null. */
  signatureProblem: string | null;
  notBefore: Date;
  notAfter: Date;
  parsed: pkijs.Certificate;
}

export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

export function fingerprintOf(der: Uint8Array): string {
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? '';
}

export { normaliseFingerprint } from '../../../shared/contracts/trust';

function attributeText(value: unknown): string {
  const block = (value as { valueBlock?: { value?: unknown } } | null)?.valueBlock;
  return typeof block?.value === 'string' ? block.value : '';
}

function namesOf(rdn: pkijs.RelativeDistinguishedNames): SubjectInfo {
  const first = (type: string) =>
    attributeText(rdn.typesAndValues.find((tv) => tv.type === type)?.value);
  return {
    name: first(OID.commonName),
    organisation: first(OID.organisation),
    email: first(OID.email),
  };
}

/** The signature algorithm of a certificate, when it is not SHA-256 or stronger. */
function signatureProblemOf(cert: pkijs.Certificate): string | null {
  const id = cert.signatureAlgorithm.algorithmId;
  if (id in STRONG_SIGNATURES) return null;
  if (id === OID.rsaPss) {
    const params = new pkijs.RSASSAPSSParams({ schema: cert.signatureAlgorithm.algorithmParams });
    const hash = params.hashAlgorithm.algorithmId;
    if (
      ['2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2', '2.16.840.1.101.3.4.2.3'].includes(hash)
    )
      return null;
  }
  return 'The certificate is not signed with SHA-256 or stronger.';
}

function isCaOf(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  return ext?.parsedValue instanceof pkijs.BasicConstraints && ext.parsedValue.cA === true;
}

/** Reads one DER certificate; a malformed one is a CertificateError with the reason. */
export function readCertificate(der: Uint8Array): CertificateFacts {
  const bytes = Buffer.from(der);
  let parsed: pkijs.Certificate;
  let node: X509Certificate;
  try {
    const asn1 = asn1js.fromBER(arrayBufferOf(bytes));
    if (asn1.offset === -1 || asn1.offset !== bytes.length) throw new Error('not one element');
    parsed = new pkijs.Certificate({ schema: asn1.result });
    node = new X509Certificate(bytes);
  } catch {
    throw new CertificateError('The file is not an X.509 certificate.');
  }
  const spki = Buffer.from(parsed.subjectPublicKeyInfo.toSchema().toBER(false));
  return {
    der: bytes,
    fingerprint: fingerprintOf(bytes),
    subject: namesOf(parsed.subject),
    issuer: namesOf(parsed.issuer),
    // Its issuer is its own subject and its own key verifies it. (Not X509Certificate.checkIssued:
    // OpenSSL also wants keyCertSign there, which a document-signing certificate rightly lacks.)
    selfSigned: parsed.issuer.isEqual(parsed.subject) && node.verify(node.publicKey),
    isCa: isCaOf(parsed),
    key: describeKey(spki),
    signatureProblem: signatureProblemOf(parsed),
    notBefore: parsed.notBefore.value,
    notAfter: parsed.notAfter.value,
    parsed,
  };
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g;

/** Every certificate in a PEM bundle, in order, as DER. */
export function certificatesFromPem(pem: string): Buffer[] {
  return [...pem.matchAll(PEM_BLOCK)].map((m) =>
    Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}

export function toPem(der: Uint8Array): string {
  const body =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${body.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * The certificates of a .cer/.crt/.pem/.der file: PEM (one or more blocks) or one binary DER
 * certificate. Anything else is a CertificateError.
 */
export function certificatesFromFile(bytes: Buffer): Buffer[] {
  const text = bytes.subarray(0, 64 * 1024).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const blocks = certificatesFromPem(bytes.toString('latin1'));
    if (blocks.length === 0)
      throw new CertificateError('The file holds no certificate (no BEGIN CERTIFICATE block).');
    return blocks;
  }
  return [bytes];
}
