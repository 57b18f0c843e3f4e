import { X509Certificate } from 'node:crypto';
import { readCertificate, type CertificateFacts } from '../signing';

/** How many authorities above the signer are followed before giving up. */
const MAX_DEPTH = 5;

interface Candidate {
  x509: X509Certificate;
  facts: CertificateFacts;
}

function candidate(der: Buffer): Candidate | null {
  try {
    return { x509: new X509Certificate(der), facts: readCertificate(der) };
  } catch {
    return null;
  }
}

const validAt = (facts: CertificateFacts, at: Date) =>
  at >= facts.notBefore && at <= facts.notAfter;

/**
 * Follows the signer's certificate up through authorities (the ones the signature carries and the
 * ones imported here) until one whose fingerprint `isAnchor` accepts. Each step must be issued by
 * name, signed by the issuer's key, the issuer a CA with an acceptable key, valid at `at`.
 * Answers the anchor's fingerprint, or null when no such chain exists.
 */
export function anchorOfChain(
  signer: CertificateFacts,
  carried: Buffer[],
  authorities: Buffer[],
  isAnchor: (fingerprint: string) => boolean,
  at: Date,
): string | null {
  const pool = [...carried, ...authorities]
    .map(candidate)
    .filter((c): c is Candidate => c !== null && c.facts.isCa && !c.facts.key.problem);
  let current = candidate(signer.der);
  const seen = new Set([signer.fingerprint]);
  for (let depth = 0; current && depth < MAX_DEPTH; depth += 1) {
    const child: Candidate = current;
    const issuers = pool.filter(
      (c) =>
        !seen.has(c.facts.fingerprint) &&
        validAt(c.facts, at) &&
        child.x509.checkIssued(c.x509) &&
        child.x509.verify(c.x509.publicKey),
    );
    const anchor = issuers.find((c) => isAnchor(c.facts.fingerprint));
    if (anchor) return anchor.facts.fingerprint;
    current = issuers[0] ?? null;
    if (current) seen.add(current.facts.fingerprint);
  }
  return null;
}
