import { eq, sql } from 'drizzle-orm';
import type { TrustedSigner } from '../../../shared/contracts/trust';
import type { CoreContext } from '../context';
import { schema } from '../db';

const signers = schema.trustedSigners;

export type TrustedSignerRow = typeof signers.$inferSelect;

/** What the trust commands answer: the row without the certificate's bytes. */
export function toTrustedSigner(row: TrustedSignerRow): TrustedSigner {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    fingerprint: row.fingerprint,
    source: row.source,
    subject: row.subject,
    issuer: row.issuer,
    isCa: row.isCa,
    notAfter: row.notAfter,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

export function signerRows(ctx: CoreContext): TrustedSignerRow[] {
  return ctx.store.db
    .select()
    .from(signers)
    .orderBy(sql`${signers.name} COLLATE NOCASE`, signers.id)
    .all();
}

export function signerById(ctx: CoreContext, id: string): TrustedSignerRow | undefined {
  return ctx.store.db.select().from(signers).where(eq(signers.id, id)).get();
}

export function signerByFingerprint(
  ctx: CoreContext,
  fingerprint: string,
): TrustedSignerRow | undefined {
  return ctx.store.db.select().from(signers).where(eq(signers.fingerprint, fingerprint)).get();
}

export function insertSigner(ctx: CoreContext, row: TrustedSignerRow): void {
  ctx.store.db.insert(signers).values(row).run();
}

export function deleteSigner(ctx: CoreContext, id: string): void {
  ctx.store.db.delete(signers).where(eq(signers.id, id)).run();
}
