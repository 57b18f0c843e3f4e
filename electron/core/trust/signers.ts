import type { TrustedSigner, TrustAddCertificateInput } from '../../../shared/contracts/trust';
import { audit, inTransaction, type CoreContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { listIdentities } from '../identities';
import {
  CertificateError,
  certificatesFromFile,
  readCertificate,
  type CertificateFacts,
} from '../signing';
import {
  deleteSigner,
  insertSigner,
  signerByFingerprint,
  signerById,
  signerRows,
  toTrustedSigner,
  type TrustedSignerRow,
} from './queries';

export function listTrust(ctx: CoreContext) {
  return {
    signers: signerRows(ctx).map(toTrustedSigner),
    identities: listIdentities(ctx).map((i) => ({ name: i.name, fingerprint: i.fingerprint })),
  };
}

/** A name people recognise for a certificate: its common name, else its organisation. */
export const displayName = (subject: { name: string; organisation: string }) =>
  subject.name || subject.organisation;

/** Refuses a fingerprint this directory trusts already (as a signer or as its own identity). */
function assertNotTrusted(ctx: CoreContext, fingerprint: string): void {
  const identity = listIdentities(ctx).find((i) => i.fingerprint === fingerprint);
  if (identity)
    throw conflict(
      `That certificate is this data directory's own signing identity "${identity.name}", which is trusted already.`,
    );
  const existing = signerByFingerprint(ctx, fingerprint);
  if (existing) throw conflict(`That certificate is trusted already, as "${existing.name}".`);
}

function save(ctx: CoreContext, row: TrustedSignerRow): TrustedSigner {
  inTransaction(ctx, () => {
    assertNotTrusted(ctx, row.fingerprint);
    insertSigner(ctx, row);
    audit(ctx, row.createdAt, {
      action: `trust.${row.source === 'certificate' ? 'addCertificate' : 'pinFingerprint'}`,
      entityType: 'trusted_signer',
      entityId: row.id,
      after: toTrustedSigner(row),
    });
  });
  return toTrustedSigner(row);
}

function oneCertificate(bytes: Buffer): CertificateFacts {
  try {
    const found = certificatesFromFile(bytes);
    if (found.length !== 1)
      throw new CertificateError(
        `The file holds ${found.length} certificates; add them one at a time.`,
      );
    return readCertificate(found[0] as Buffer);
  } catch (error) {
    if (error instanceof CertificateError) throw invalid('file', error.message);
    throw error;
  }
}

/** Trusts a certificate from a .cer/.crt/.pem/.der file; a CA's certificates then count too. */
export function addCertificate(
  ctx: CoreContext,
  input: Omit<TrustAddCertificateInput, 'fileBase64'> & { bytes: Buffer },
): TrustedSigner {
  const cert = oneCertificate(input.bytes);
  if (cert.key.problem) throw invalid('file', cert.key.problem);
  if (cert.signatureProblem) throw invalid('file', cert.signatureProblem);
  const now = ctx.now();
  return save(ctx, {
    id: ctx.newId(),
    name: input.name.trim(),
    note: (input.note ?? '').trim(),
    fingerprint: cert.fingerprint,
    source: 'certificate',
    certificate: cert.der,
    subject: displayName(cert.subject),
    issuer: cert.selfSigned ? '' : displayName(cert.issuer),
    isCa: cert.isCa,
    notAfter: cert.notAfter.toISOString(),
    createdAt: now,
    createdBy: ctx.actor(),
  });
}

/** Trusts a certificate known only by its SHA-256 fingerprint (already normalised). */
export function pinFingerprint(
  ctx: CoreContext,
  input: { fingerprint: string; name: string; note?: string | undefined },
): TrustedSigner {
  return save(ctx, {
    id: ctx.newId(),
    name: input.name.trim(),
    note: (input.note ?? '').trim(),
    fingerprint: input.fingerprint,
    source: 'fingerprint',
    certificate: null,
    subject: '',
    issuer: '',
    isCa: false,
    notAfter: null,
    createdAt: ctx.now(),
    createdBy: ctx.actor(),
  });
}

export function removeSigner(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = signerById(ctx, id);
    if (!before) throw notFound('Trusted signer', id);
    deleteSigner(ctx, id);
    audit(ctx, now, {
      action: 'trust.remove',
      entityType: 'trusted_signer',
      entityId: id,
      before: toTrustedSigner(before),
    });
  });
  return { ok: true };
}
