import { desc, eq, or, sql } from 'drizzle-orm';
import type { Identity } from '../../../shared/contracts/identities';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { notFound } from '../errors';

const identities = schema.signingIdentities;

export type IdentityRow = typeof identities.$inferSelect;
export type NewIdentityRow = typeof identities.$inferInsert;

/** What the identities commands answer: the row without its key file's name. */
export function toIdentity(row: IdentityRow): Identity {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    email: row.email,
    role: row.role,
    fingerprint: row.certFingerprint,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    keyAlgorithm: row.keyAlgorithm,
    origin: row.origin === 'imported' ? 'imported' : 'created',
    createdAt: row.createdAt,
  };
}

/** The audit trail's picture of an identity: what the commands show, plus its key file's name. */
export const auditedIdentity = (row: IdentityRow) => ({
  ...toIdentity(row),
  p12File: row.p12File,
});

export function identityRows(ctx: CoreContext): IdentityRow[] {
  return ctx.store.db
    .select()
    .from(identities)
    .orderBy(sql`${identities.name} COLLATE NOCASE`, identities.id)
    .all();
}

/** By id, or else by name (the CLI takes either); an exact id wins over a name that equals it. */
export function identityRow(ctx: CoreContext, idOrName: string): IdentityRow {
  const row = ctx.store.db
    .select()
    .from(identities)
    .where(or(eq(identities.id, idOrName), eq(identities.name, idOrName)))
    .orderBy(desc(sql`${identities.id} = ${idOrName}`))
    .limit(1)
    .get();
  if (!row) throw notFound('Signing identity', idOrName.slice(0, 200));
  return row;
}

export function nameTaken(ctx: CoreContext, name: string): boolean {
  return (
    ctx.store.db
      .select({ id: identities.id })
      .from(identities)
      .where(eq(identities.name, name))
      .get() !== undefined
  );
}

export function insertIdentity(ctx: CoreContext, row: NewIdentityRow): void {
  ctx.store.db.insert(identities).values(row).run();
}

export function deleteIdentityRow(ctx: CoreContext, id: string): void {
  ctx.store.db.delete(identities).where(eq(identities.id, id)).run();
}
