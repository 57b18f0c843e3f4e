import { readCertificate, type CertificateFacts } from './certificate';
import { arrayBufferOf, asn1js, OID, pkijs, STRONG_DIGESTS, WEAK_DIGESTS } from './pki';
import type { SignatureCheck } from './types';

/** How far in the future a claimed signing time may be before it is refused (clock skew). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface CmsCheck extends SignatureCheck {
  /** Set when the structure itself could not be read (the other checks could not run). */
  unreadable?: boolean;
  /** The signer's certificate, when the signature names one it carries. */
  signerCertificate: CertificateFacts | null;
  /** Every certificate the signature carries, as DER (the signer's and any chain). */
  certificates: Buffer[];
}

class Unreadable extends Error {}

const unreadable = (why: string): CmsCheck => ({
  valid: false,
  problems: [`The signature (CMS) cannot be read: ${why}.`],
  notes: [],
  signer: null,
  signedAt: null,
  unreadable: true,
  signerCertificate: null,
  certificates: [],
});

const isContext0 = (block: asn1js.AsnType) =>
  block.idBlock.tagClass === 3 && block.idBlock.tagNumber === 0;

interface Parsed {
  signedData: pkijs.SignedData;
  /** The certificates' own bytes, parallel to signedData.certificates. */
  rawCertificates: Buffer[];
  trailing: boolean;
}

function parse(der: Buffer): Parsed {
  const asn1 = asn1js.fromBER(arrayBufferOf(der));
  if (asn1.offset === -1) throw new Unreadable('it is not valid ASN.1');
  let info: pkijs.ContentInfo;
  try {
    info = new pkijs.ContentInfo({ schema: asn1.result });
  } catch {
    throw new Unreadable('it is not a CMS content info');
  }
  if (info.contentType !== OID.signedData) throw new Unreadable('not a CMS SignedData');
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    throw new Unreadable('the signed data is malformed');
  }
  // pkijs re-encodes what it parsed; a fingerprint must be over the bytes as they came.
  const content = info.content as asn1js.Sequence;
  const certBlock = content.valueBlock.value.find(isContext0) as asn1js.Constructed | undefined;
  const rawCertificates = (certBlock?.valueBlock.value ?? []).map((b) =>
    Buffer.from(b.valueBeforeDecodeView),
  );
  // A PDF's Contents is zero-padded; anything else after the signature is not ours to ignore.
  const trailing = der.subarray(asn1.offset).some((b) => b !== 0);
  return { signedData, rawCertificates, trailing };
}

function signingTimeOf(signer: pkijs.SignerInfo): Date | null {
  const attr = signer.signedAttrs?.attributes.find((a) => a.type === OID.signingTime);
  const value = attr?.values[0] as { toDate?: () => Date } | undefined;
  const date = value?.toDate?.();
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

function contentTypeOf(signer: pkijs.SignerInfo): string | null {
  const attr = signer.signedAttrs?.attributes.find((a) => a.type === OID.contentType);
  const value = attr?.values[0];
  return value instanceof asn1js.ObjectIdentifier ? value.valueBlock.toString() : null;
}

/** Runs pkijs's own verification and turns its outcome into our sentences. */
async function cryptoProblems(
  signedData: pkijs.SignedData,
  data: Buffer,
): Promise<{ problems: string[]; signer: pkijs.Certificate | null }> {
  try {
    const result = await signedData.verify({
      signer: 0,
      data: arrayBufferOf(data),
      checkChain: false,
      extendedMode: true,
    });
    return {
      problems: result.signatureVerified
        ? []
        : ["The signature does not verify with the signer's certificate."],
      signer: result.signerCertificate ?? null,
    };
  } catch (error) {
    const failure = error as Partial<pkijs.SignedDataVerifyError>;
    const message = failure.message ?? '';
    const signer = failure.signerCertificate ?? null;
    if (failure.code === 2 || failure.code === 3)
      return { problems: ["The signer's certificate is not included in the signature."], signer };
    if (/message digest doesn't match/i.test(message))
      return {
        problems: ['The digest does not match: the signed bytes were changed after signing.'],
        signer,
      };
    if (/message-digest/i.test(message))
      return { problems: ['The signature carries no message digest.'], signer };
    return { problems: [`The signature does not verify (${message || 'unknown error'}).`], signer };
  }
}

/** Claimed time and certificate validity, worded for what a claimed time can and cannot prove. */
function timeChecks(
  cert: CertificateFacts,
  signedAt: Date | null,
  now: Date,
): { problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const validity = `valid ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}`;
  if (!signedAt)
    notes.push('The signature states no signing time; the certificate is checked as of now.');
  else {
    notes.push(
      "The signing time is claimed by the signer's own computer; no trusted timestamp confirms it.",
    );
    if (signedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      problems.push(
        `The signature claims to have been made at ${signedAt.toISOString()}, later than this computer's clock (${now.toISOString()}): a signing time in the future is refused.`,
      );
  }
  const at = signedAt ?? now;
  if (at < cert.notBefore || at > cert.notAfter)
    problems.push(`The certificate was not valid at the claimed signing time (${validity}).`);
  else if (now > cert.notAfter)
    notes.push(
      `The certificate has expired since (${validity}). It was valid at the claimed signing time, but that time is only claimed: whoever holds the key could have signed later.`,
    );
  return { problems, notes };
}

/**
 * Checks a detached CMS SignedData against the content it claims to sign (for a PDF: its signed
 * byte ranges). Parsed and verified with pkijs; on top: one signer, a SHA-2 digest, the signed
 * attributes, the signer's key strength and certificate algorithm, a claimed time that is not in
 * the future and inside the certificate's validity. Never throws: problems come back as text.
 */
export async function checkCms(der: Buffer, data: Buffer, now = new Date()): Promise<CmsCheck> {
  let parsed: Parsed;
  try {
    parsed = parse(der);
  } catch (error) {
    return unreadable(error instanceof Unreadable ? error.message : 'unexpected structure');
  }
  const { signedData, rawCertificates } = parsed;
  const problems: string[] = [];
  if (parsed.trailing) problems.push('The signature has unexpected bytes after its end.');
  if (signedData.encapContentInfo.eContent)
    problems.push('The signature embeds its content; a detached signature was expected.');
  if (signedData.signerInfos.length !== 1)
    return unreadable(`expected exactly one signer, found ${signedData.signerInfos.length}`);
  const signerInfo = signedData.signerInfos[0] as pkijs.SignerInfo;

  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  if (!STRONG_DIGESTS[digestOid]) {
    const weak = WEAK_DIGESTS[digestOid];
    problems.push(
      weak
        ? `The digest is ${weak}; SHA-256 or stronger is required.`
        : `Unknown digest algorithm ${digestOid}.`,
    );
  }
  if (!signerInfo.signedAttrs)
    problems.push('The signature has no signed attributes (no message digest or signing time).');
  else if (contentTypeOf(signerInfo) !== OID.data)
    problems.push('The signed content type is not "data".');

  const crypto = await cryptoProblems(signedData, data);
  problems.push(...crypto.problems);
  const index = crypto.signer ? (signedData.certificates ?? []).indexOf(crypto.signer) : -1;
  const certificates = rawCertificates;
  const signerDer = index >= 0 ? certificates[index] : undefined;
  if (!signerDer) {
    if (!problems.some((p) => p.includes('not included')))
      problems.push("The signer's certificate is not included in the signature.");
    return {
      valid: false,
      problems,
      notes: [],
      signer: null,
      signedAt: null,
      signerCertificate: null,
      certificates,
    };
  }
  let cert: CertificateFacts;
  try {
    cert = readCertificate(signerDer);
  } catch {
    return unreadable("the signer's certificate is malformed");
  }
  const signedAtDate = signingTimeOf(signerInfo);
  if (cert.key.problem) problems.push(`The signer's certificate: ${cert.key.problem}`);
  if (cert.signatureProblem) problems.push(cert.signatureProblem);
  const times = timeChecks(cert, signedAtDate, now);
  problems.push(...times.problems);
  return {
    valid: problems.length === 0,
    problems,
    notes: times.notes,
    signer: { ...cert.subject, fingerprint: cert.fingerprint },
    signedAt: signedAtDate?.toISOString() ?? null,
    signerCertificate: cert,
    // The signer's first, then the rest as they came.
    certificates: [signerDer, ...certificates.filter((_, i) => i !== index)],
  };
}
