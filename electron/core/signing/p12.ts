import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** Who a certificate names, as shown to a verifier. */
export interface SubjectInfo {
  name: string;
  organisation: string;
  email: string;
}

export interface KeyAndCert {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
  /** Every certificate in the file (the signer's first), so a chain travels with the signature. */
  chain: forge.pki.Certificate[];
  /** The key sits in an encrypted (shrouded) bag rather than a plain one. */
  shrouded?: boolean;
}

const YEARS_VALID = 3;
/** PBKDF2 rounds for the PKCS#12 key and MAC; forge is pure JS, so this is a speed compromise. */
const P12_ITERATIONS = 10_000;

/** forge.pki.oids by name; the typings make every entry optional, so look them up checked. */
function oidOf(name: string): string {
  const value = (forge.pki.oids as Record<string, string | undefined>)[name];
  if (!value) throw new Error(`forge does not know the OID ${name}`);
  return value;
}
/** Certificate signature algorithms we accept: SHA-256 or stronger (RSA PKCS#1 v1.5). */
export const STRONG_CERT_SIGNATURES = new Set([
  oidOf('sha256WithRSAEncryption'),
  oidOf('sha384WithRSAEncryption'),
  oidOf('sha512WithRSAEncryption'),
]);

export function toDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/** SHA-256 of the DER, upper-case hex pairs joined by ':' (what `openssl x509 -fingerprint` prints). */
export function fingerprintOf(der: Buffer): string {
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? '';
}

function attr(cert: forge.pki.Certificate, name: string): string {
  const field = cert.subject.getField(name) as { value?: unknown } | null;
  if (typeof field?.value !== 'string') return '';
  try {
    return forge.util.decodeUtf8(field.value);
  } catch {
    return field.value; // not UTF-8 (e.g. a Latin-1 T61String): show the bytes as they are
  }
}

export function subjectOf(cert: forge.pki.Certificate): SubjectInfo {
  return { name: attr(cert, 'CN'), organisation: attr(cert, 'O'), email: attr(cert, 'E') };
}

/**
 * forge reads valueTagClass as the ASN.1 string type (its typings call it a Class) and encodes a
 * UTF8String's JS string as UTF-8 itself: values go in as plain strings, never pre-encoded.
 */
const UTF8_TAG = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

/**
 * A fresh RSA-3072 key (node:crypto, native and fast) and a self-signed SHA-256 certificate valid
 * for three years, usable for document signing (digitalSignature, nonRepudiation, emailProtection).
 */
export function createSelfSigned(subject: SubjectInfo, now: Date): KeyAndCert {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 3072,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(pair.privateKey) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey);
  // Positive, 128-bit random serial (a leading 01 keeps the DER integer positive).
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000); // tolerate a little clock skew
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + YEARS_VALID);
  cert.validity.notAfter = notAfter;
  const attrs: forge.pki.CertificateField[] = [
    { name: 'commonName', value: subject.name, valueTagClass: UTF8_TAG },
    ...(subject.organisation
      ? [
          {
            name: 'organizationName',
            value: subject.organisation,
            valueTagClass: UTF8_TAG,
          },
        ]
      : []),
    { name: 'emailAddress', value: subject.email },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { key, cert, chain: [cert] };
}

/** PKCS#12 with AES-256-CBC (PBES2/PBKDF2) — readable by openssl 3, poppler/NSS and Windows. */
export function encodeP12(kc: KeyAndCert, passphrase: string, friendlyName: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(kc.key, kc.chain, passphrase, {
    algorithm: 'aes256',
    count: P12_ITERATIONS,
    friendlyName,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

export class P12Error extends Error {
  constructor(
    message: string,
    readonly kind: 'passphrase' | 'content',
  ) {
    super(message);
    this.name = 'P12Error';
  }
}

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType: type })[type] ?? [];
}

const samePublicKey = (key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate) => {
  const pub = cert.publicKey as forge.pki.rsa.PublicKey;
  return Boolean(pub.n) && key.n.compareTo(pub.n) === 0 && key.e.compareTo(pub.e) === 0;
};

/**
 * Opens a PKCS#12: exactly one private key (RSA — forge's CMS signs with RSA only) and a
 * certificate for it. A wrong passphrase and a malformed file are told apart.
 */
export function decodeP12(bytes: Buffer, passphrase: string): KeyAndCert {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
  } catch {
    throw new P12Error('The file is not a PKCS#12 (.p12/.pfx) file.', 'content');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/MAC could not be verified|Invalid password|decrypt/i.test(message))
      throw new P12Error('The passphrase does not open this identity', 'passphrase');
    if (/OID is not RSA/i.test(message))
      throw new P12Error(
        'Only RSA keys are supported; this file holds another key type.',
        'content',
      );
    throw new P12Error('The file is not a readable PKCS#12 (.p12/.pfx) file.', 'content');
  }
  const shroudedBags = bagsOf(p12, oidOf('pkcs8ShroudedKeyBag')).filter((bag) => bag.key);
  const keyBags = [...shroudedBags, ...bagsOf(p12, oidOf('keyBag')).filter((bag) => bag.key)];
  if (keyBags.length === 0)
    throw new P12Error(
      'The file holds no private key the passphrase opens (or it is not RSA).',
      'content',
    );
  if (keyBags.length > 1)
    throw new P12Error(
      `The file holds ${keyBags.length} private keys; exactly one is needed.`,
      'content',
    );
  const key = keyBags[0]?.key as forge.pki.rsa.PrivateKey;
  const certs = bagsOf(p12, oidOf('certBag'))
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c));
  const cert = certs.find((c) => samePublicKey(key, c));
  if (!cert) throw new P12Error('No certificate in the file matches its private key.', 'content');
  const chain = [cert, ...certs.filter((c) => c !== cert)];
  return { key, cert, chain, shrouded: shroudedBags.length === 1 };
}

export function keyBits(key: forge.pki.rsa.PrivateKey): number {
  return key.n.bitLength();
}
