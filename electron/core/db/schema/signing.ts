import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A signing identity; its key lives in a passphrase-protected PKCS#12 file in the data directory. */
export const signingIdentities = sqliteTable('signing_identities', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  organisation: text('organisation').notNull().default(''),
  email: text('email').notNull(),
  role: text('role').notNull().default(''),
  keyAlgorithm: text('key_algorithm').notNull(),
  certFingerprint: text('cert_fingerprint').notNull(),
  /** File name relative to <dataDir>/identities; never an absolute path. */
  p12File: text('p12_file').notNull(),
  notBefore: text('not_before').notNull(),
  notAfter: text('not_after').notNull(),
  origin: text('origin').notNull(),
  createdAt: text('created_at').notNull(),
});
