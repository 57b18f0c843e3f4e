import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A signer this data directory trusts besides its own identities: a certificate imported from a
 * file (a colleague's, or an organisation CA whose certificates then count too), or only a
 * SHA-256 fingerprint pinned after comparing it with its owner out of band.
 */
export const trustedSigners = sqliteTable('trusted_signers', {
  id: text('id').primaryKey(),
  /** What people call this signer here ("Northwind Audit CA", "Sam, QA lead"). */
  name: text('name').notNull(),
  note: text('note').notNull().default(''),
  /** SHA-256 of the certificate's DER: upper-case hex pairs joined by ':'. */
  fingerprint: text('fingerprint').notNull().unique(),
  /** certificate: imported with its DER; fingerprint: pinned without it. */
  source: text('source', { enum: ['certificate', 'fingerprint'] }).notNull(),
  /** The certificate itself (DER), when imported from a file; null for a pinned fingerprint. */
  certificate: blob('certificate', { mode: 'buffer' }),
  /** From the certificate, for the list: subject common name, issuer, CA or not, expiry. */
  subject: text('subject').notNull().default(''),
  issuer: text('issuer').notNull().default(''),
  isCa: integer('is_ca', { mode: 'boolean' }).notNull().default(false),
  notAfter: text('not_after'),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});
