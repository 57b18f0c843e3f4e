import type { Identity } from '../../../shared/contracts/identities';
import { audit, inTransaction, type CoreContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { readCertificate, type KeyAndCert } from '../signing';
import { removeP12, writeP12Atomically } from './key-files';
import {
  auditedIdentity,
  deleteIdentityRow,
  identityRow,
  identityRows,
  insertIdentity,
  nameTaken,
  toIdentity,
  type IdentityRow,
} from './queries';

export const MIN_PASSPHRASE = 8;

export function listIdentities(ctx: CoreContext): Identity[] {
  return identityRows(ctx).map(toIdentity);
}

export function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE)
    throw invalid('passphrase', `must be at least ${MIN_PASSPHRASE} characters`);
}

export function assertNameFree(ctx: CoreContext, name: string): void {
  if (nameTaken(ctx, name))
    throw conflict(`A signing identity named "${name}" already exists; choose another name.`);
}

export type NewIdentity = Pick<Identity, 'name' | 'organisation' | 'email' | 'role' | 'origin'>;

/**
 * File first, then the row and its audit entry in one transaction; if the row cannot be written
 * the file is removed again, so there is never a row without its key nor a key without its row.
 */
export async function saveIdentity(
  ctx: CoreContext,
  id: string,
  fields: NewIdentity,
  kc: KeyAndCert,
  p12: Buffer,
): Promise<Identity> {
  const now = ctx.now();
  const cert = readCertificate(kc.chain[0] as Buffer);
  const row: IdentityRow = {
    id,
    name: fields.name,
    organisation: fields.organisation,
    email: fields.email,
    role: fields.role,
    keyAlgorithm: cert.key.label,
    certFingerprint: cert.fingerprint,
    p12File: `${id}.p12`,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    origin: fields.origin,
    createdAt: now,
  };
  await writeP12Atomically(ctx.dataDir, row.p12File, p12);
  try {
    inTransaction(ctx, () => {
      assertNameFree(ctx, fields.name);
      insertIdentity(ctx, row);
      // The passphrase is deliberately absent: it is never stored anywhere.
      audit(ctx, now, {
        action: `identity.${fields.origin === 'created' ? 'create' : 'import'}`,
        entityType: 'signing_identity',
        entityId: id,
        after: auditedIdentity(row),
      });
    });
  } catch (error) {
    await removeP12(ctx.dataDir, row.p12File);
    throw error;
  }
  return toIdentity(row);
}

export async function deleteIdentity(ctx: CoreContext, id: string): Promise<{ ok: true }> {
  const now = ctx.now();
  const row = inTransaction(ctx, () => {
    const before = identityRow(ctx, id);
    if (before.id !== id) throw notFound('Signing identity', id);
    deleteIdentityRow(ctx, id);
    audit(ctx, now, {
      action: 'identity.delete',
      entityType: 'signing_identity',
      entityId: id,
      before: auditedIdentity(before),
    });
    return before;
  });
  // After the commit: a crash in between leaves an unreferenced file, never a row without a key.
  await removeP12(ctx.dataDir, row.p12File);
  return { ok: true };
}
