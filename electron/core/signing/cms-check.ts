import { createHash, createPublicKey, constants, verify } from 'node:crypto';
import {
  children,
  content,
  DerError,
  expect,
  oid,
  raw,
  readNode,
  TAG,
  text,
  time,
  type DerNode,
} from './der';
import { fingerprintOf } from './p12';
import type { SignatureCheck } from './types';

export type HashName = 'sha256' | 'sha384' | 'sha512';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  email: '1.2.840.113549.1.9.1',
};

const DIGESTS: Record<string, HashName> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const WEAK_DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '1.2.840.113549.2.5': 'MD5',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
};
/** Signature algorithms: RSA PKCS#1 v1.5 (alone or with a hash) and ECDSA. */
const RSA = '1.2.840.113549.1.1.1';
const SIG_WITH_HASH: Record<string, { hash: HashName; rsa: boolean }> = {
  '1.2.840.113549.1.1.11': { hash: 'sha256', rsa: true },
  '1.2.840.113549.1.1.12': { hash: 'sha384', rsa: true },
  '1.2.840.113549.1.1.13': { hash: 'sha512', rsa: true },
  '1.2.840.10045.4.3.2': { hash: 'sha256', rsa: false },
  '1.2.840.10045.4.3.3': { hash: 'sha384', rsa: false },
  '1.2.840.10045.4.3.4': { hash: 'sha512', rsa: false },
};

export interface CmsCheck extends SignatureCheck {
  /** Set when the structure itself could not be read (the other checks could not run). */
  unreadable?: boolean;
}

interface Cert {
  der: Buffer;
  serial: Buffer;
  issuer: Buffer;
  subject: { name: string; organisation: string; email: string };
  notBefore: Date;
  notAfter: Date;
  spki: Buffer;
  sigAlg: string;
}

function parseCert(node: DerNode): Cert {
  const [tbs, sigAlg] = children(expect(node, TAG.SEQUENCE, 'certificate'));
  const fields = children(expect(tbs, TAG.SEQUENCE, 'certificate body'));
  if (fields[0]?.tag === TAG.CONTEXT_0) fields.shift();
  const [serial, , issuer, validity, subject, spki] = fields;
  const [notBefore, notAfter] = children(expect(validity, TAG.SEQUENCE, 'certificate validity'));
  const names: Record<string, string> = {};
  for (const rdn of children(expect(subject, TAG.SEQUENCE, 'certificate subject')))
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      names[oid(type)] ??= text(value);
    }
  return {
    der: raw(node),
    serial: content(expect(serial, TAG.INTEGER, 'serial number')),
    issuer: raw(expect(issuer, TAG.SEQUENCE, 'issuer')),
    subject: {
      name: names[OID.commonName] ?? '',
      organisation: names[OID.organisation] ?? '',
      email: names[OID.email] ?? '',
    },
    notBefore: time(notBefore),
    notAfter: time(notAfter),
    spki: raw(expect(spki, TAG.SEQUENCE, 'public key')),
    sigAlg: oid(children(expect(sigAlg, TAG.SEQUENCE, 'certificate signature algorithm'))[0]),
  };
}

interface Attributes {
  raw: Buffer;
  values: Map<string, DerNode[]>;
}

function parseAttributes(node: DerNode): Attributes {
  const values = new Map<string, DerNode[]>();
  for (const attr of children(node)) {
    const [type, set] = children(expect(attr, TAG.SEQUENCE, 'signed attribute'));
    const key = oid(type);
    if (values.has(key)) throw new DerError('a signed attribute appears twice');
    values.set(key, children(expect(set, TAG.SET, 'attribute values')));
  }
  // What was signed is the attributes encoded as a SET (tag 0x31), not as the [0] they travel in.
  const bytes = Buffer.from(raw(node));
  bytes[0] = TAG.SET;
  return { raw: bytes, values };
}

/**
 * Checks a detached CMS SignedData against the content it claims to sign. `digest(alg)` hashes
 * that content (for a PDF: the signed byte ranges). Never throws: problems come back as text.
 */
export function checkCms(
  der: Buffer,
  digest: (alg: HashName) => Buffer,
  now = new Date(),
): CmsCheck {
  try {
    return checkCmsOrThrow(der, digest, now);
  } catch (error) {
    const why = error instanceof DerError ? error.message : 'unexpected structure';
    return {
      valid: false,
      problems: [`The signature (CMS) cannot be read: ${why}.`],
      signer: null,
      signedAt: null,
      unreadable: true,
    };
  }
}

function checkCmsOrThrow(der: Buffer, digest: (alg: HashName) => Buffer, now: Date): CmsCheck {
  const problems: string[] = [];
  const root = readNode(der, 0);
  if (der.subarray(root.end).some((b) => b !== 0))
    problems.push('The signature has unexpected bytes after its end.');
  const [type, explicit] = children(expect(root, TAG.SEQUENCE, 'content info'));
  if (oid(type) !== OID.signedData) throw new DerError('not a CMS SignedData');
  const sd = children(
    expect(
      children(expect(explicit, TAG.CONTEXT_0, 'signed data'))[0],
      TAG.SEQUENCE,
      'signed data',
    ),
  );
  const encap = children(expect(sd[2], TAG.SEQUENCE, 'encapsulated content'));
  if (encap.length > 1)
    problems.push('The signature embeds its content; a detached signature was expected.');
  const certNodes = sd.find((n) => n.tag === TAG.CONTEXT_0);
  const certs = certNodes ? children(certNodes).map(parseCert) : [];
  const signerInfos = children(expect(sd[sd.length - 1], TAG.SET, 'signer infos'));
  if (signerInfos.length !== 1)
    throw new DerError(`expected exactly one signer, found ${signerInfos.length}`);
  const si = children(expect(signerInfos[0], TAG.SEQUENCE, 'signer info'));
  const [, sid, digestAlgNode, ...rest] = si;
  const attrsNode = rest[0]?.tag === TAG.CONTEXT_0 ? rest.shift() : undefined;
  const [sigAlgNode, signatureNode] = rest;

  // Which certificate signed: issuer + serial (or, failing that, the only one there is).
  let cert: Cert | undefined;
  if (sid?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = children(sid);
    cert = certs.find((c) => c.issuer.equals(raw(issuer)) && c.serial.equals(content(serial)));
  } else if (certs.length === 1) cert = certs[0];
  if (!cert) {
    problems.push("The signer's certificate is not included in the signature.");
    return { valid: false, problems, signer: null, signedAt: null };
  }
  const signer = { ...cert.subject, fingerprint: fingerprintOf(cert.der) };

  const digestOid = oid(children(expect(digestAlgNode, TAG.SEQUENCE, 'digest algorithm'))[0]);
  const hash = DIGESTS[digestOid];
  if (!hash) {
    const weak = WEAK_DIGESTS[digestOid];
    problems.push(
      weak
        ? `The digest is ${weak}; SHA-256 or stronger is required.`
        : `Unknown digest algorithm ${digestOid}.`,
    );
    return { valid: false, problems, signer, signedAt: null };
  }

  if (!attrsNode) {
    problems.push('The signature has no signed attributes (no message digest or signing time).');
    return { valid: false, problems, signer, signedAt: null };
  }
  const attrs = parseAttributes(attrsNode);
  const contentType = attrs.values.get(OID.contentType)?.[0];
  if (!contentType || oid(contentType) !== OID.data)
    problems.push('The signed content type is not "data".');
  const signingTime = attrs.values.get(OID.signingTime)?.[0];
  const signedAtDate = signingTime ? time(signingTime) : null;
  const signedAt = signedAtDate?.toISOString() ?? null;
  const md = attrs.values.get(OID.messageDigest)?.[0];
  if (!md || md.tag !== TAG.OCTET_STRING) problems.push('The signature carries no message digest.');
  else if (!content(md).equals(digest(hash)))
    problems.push('The digest does not match: the signed bytes were changed after signing.');

  const sigOid = oid(children(expect(sigAlgNode, TAG.SEQUENCE, 'signature algorithm'))[0]);
  const scheme = sigOid === RSA ? { hash, rsa: true } : SIG_WITH_HASH[sigOid];
  if (!scheme) problems.push(`Unsupported signature algorithm ${sigOid}.`);
  else {
    const key = createPublicKey({ key: cert.spki, format: 'der', type: 'spki' });
    const signature = content(expect(signatureNode, TAG.OCTET_STRING, 'signature value'));
    const ok = verify(
      scheme.hash,
      attrs.raw,
      scheme.rsa ? { key, padding: constants.RSA_PKCS1_PADDING } : key,
      signature,
    );
    if (!ok) problems.push("The signature does not verify with the signer's certificate.");
  }

  const at = signedAtDate ?? now;
  if (at < cert.notBefore || at > cert.notAfter)
    problems.push(
      `The certificate was not valid at signing time (valid ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}).`,
    );
  if (!(cert.sigAlg in SIG_WITH_HASH))
    problems.push('The certificate is not signed with SHA-256 or stronger.');
  return { valid: problems.length === 0, problems, signer, signedAt };
}

/** Hashes several byte ranges of one buffer as one stream. */
export function hashRanges(buf: Buffer, ranges: [number, number][], alg: HashName): Buffer {
  const h = createHash(alg);
  for (const [start, length] of ranges) h.update(buf.subarray(start, start + length));
  return h.digest();
}
