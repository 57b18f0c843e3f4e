import type { TrustAssessment } from '../../../shared/contracts/trust';
import type { CoreContext } from '../context';
import { listIdentities } from '../identities';
import type { CertificateFacts } from '../signing';
import { anchorOfChain } from './chain';
import { signerRows } from './queries';
import { displayName } from './signers';

/** What a signature check hands over for a trust decision (PDF and pack alike). */
export interface CheckedSignature {
  valid: boolean;
  unreadable?: boolean | undefined;
  problems: string[];
  signerCertificate: CertificateFacts | null;
  /** Every certificate the signature carries, the signer's first. */
  certificates: Buffer[];
  signedAt: string | null;
}

/** Who this data directory trusts: its own identities, signers trusted by fingerprint, CAs. */
export interface TrustAnchors {
  byFingerprint: Map<string, { kind: 'identity' | 'signer'; name: string }>;
  /** Imported CA certificates (DER) that may have issued a signer's certificate. */
  authorities: Buffer[];
}

export function trustAnchors(ctx: CoreContext): TrustAnchors {
  const byFingerprint: TrustAnchors['byFingerprint'] = new Map();
  const authorities: Buffer[] = [];
  for (const row of signerRows(ctx)) {
    byFingerprint.set(row.fingerprint, { kind: 'signer', name: row.name });
    if (row.certificate && row.isCa) authorities.push(row.certificate);
  }
  for (const identity of listIdentities(ctx))
    byFingerprint.set(identity.fingerprint, { kind: 'identity', name: identity.name });
  return { byFingerprint, authorities };
}

export interface TrustOptions {
  /** A fingerprint the user expects (CLI --expect-fingerprint), already normalised. */
  expectFingerprint?: string | null | undefined;
  /** How to name the data directory in the "how to trust" lines (CLI: its --data-dir). */
  dataDirHint?: string | undefined;
}

const verdict = (
  v: TrustAssessment['verdict'],
  reason: string,
  rest: Partial<TrustAssessment> = {},
): TrustAssessment => ({
  verdict: v,
  reason,
  trustedBy: null,
  selfSigned: null,
  issuer: null,
  fingerprint: null,
  howToTrust: [],
  ...rest,
});

function howToTrust(fingerprint: string, selfSigned: boolean, options: TrustOptions): string[] {
  const dir = options.dataDirHint ? ` --data-dir ${options.dataDirHint}` : '';
  const lines = [
    `Compare the fingerprint ${fingerprint} with the signer over another channel (in person, by phone) — never with what the file says.`,
    `If it matches, trust the signer: assay trust add --fingerprint ${fingerprint} --name "<their name>"${dir}, or in Assay: Settings → Trusted signers → Pin a fingerprint.`,
    `To accept this one file only: assay verify <file> --expect-fingerprint ${fingerprint}.`,
  ];
  if (!selfSigned)
    lines.push(
      `Or trust the issuing authority: import its certificate (assay trust add CA.cer --name "<authority>"${dir}, or Settings → Trusted signers → Add a certificate); every certificate it issued then counts.`,
    );
  return lines;
}

/**
 * The verdict for a checked signature: unreadable, altered (anything that does not hold), or
 * intact and then trusted (the signer is one of ours, trusted here, issued by a trusted authority,
 * or has the expected fingerprint) or not. `anchors` is null when no data directory is consulted.
 */
export function assessTrust(
  check: CheckedSignature,
  anchors: TrustAnchors | null,
  options: TrustOptions = {},
): TrustAssessment {
  if (check.unreadable)
    return verdict('unreadable', check.problems[0] ?? 'The file cannot be read.');
  const cert = check.signerCertificate;
  if (!check.valid || !cert)
    return verdict(
      'altered',
      'Do not rely on this file: its signature does not hold (see the problems listed).',
    );
  const fingerprint = cert.fingerprint;
  const selfSigned = cert.selfSigned;
  const issuer = selfSigned ? null : displayName(cert.issuer) || 'an unnamed issuer';
  const facts = { selfSigned, issuer, fingerprint };
  const expected = options.expectFingerprint ?? null;
  if (expected && expected !== fingerprint)
    return verdict(
      'untrusted',
      `Intact, but the signer's certificate is not the one expected: its fingerprint is ${fingerprint}, not ${expected}.`,
      { ...facts, howToTrust: howToTrust(fingerprint, selfSigned, options) },
    );
  if (expected)
    return verdict(
      'trusted',
      "Intact, and the signer's certificate has the expected fingerprint.",
      {
        ...facts,
        trustedBy: { kind: 'expected', name: expected },
      },
    );
  const direct = anchors?.byFingerprint.get(fingerprint);
  if (direct)
    return verdict(
      'trusted',
      direct.kind === 'identity'
        ? `Intact, and signed by this data directory's own identity "${direct.name}".`
        : `Intact, and the signer is trusted here as "${direct.name}".`,
      { ...facts, trustedBy: direct },
    );
  if (anchors && !selfSigned) {
    const at = check.signedAt ? new Date(check.signedAt) : new Date();
    const anchor = anchorOfChain(
      cert,
      check.certificates.slice(1),
      anchors.authorities,
      (fp) => anchors.byFingerprint.has(fp),
      at,
    );
    const name = anchor ? anchors.byFingerprint.get(anchor)?.name : undefined;
    if (name)
      return verdict(
        'trusted',
        `Intact, and the signer's certificate was issued by "${name}", an authority trusted here.`,
        { ...facts, trustedBy: { kind: 'authority', name } },
      );
  }
  const why = selfSigned
    ? 'the certificate is self-signed, so anyone can make one with the same name and email'
    : `the certificate was issued by "${issuer}", which is not trusted here`;
  const where = anchors
    ? "it is not among this data directory's trusted signers"
    : 'no data directory was consulted (give --data-dir) and no fingerprint was expected';
  return verdict('untrusted', `Intact, but the signer is not trusted: ${why}; ${where}.`, {
    ...facts,
    howToTrust: howToTrust(fingerprint, selfSigned, options),
  });
}
