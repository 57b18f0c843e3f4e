import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained trail. `hash` = SHA-256 over the previous hash and this row's fields,
 * so a deleted or altered row breaks the chain. Triggers in the migration refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The assessment or engagement the change belongs to, for per-requirement history views. */
    scopeId: text('scope_id'),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
    /**
     * Set on a row imported from another data directory: its replica and the hash its own chain
     * gave it. Covered by this row's hash when set, so every row without them hashes as before.
     */
    originReplica: text('origin_replica'),
    originHash: text('origin_hash'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_entity').on(t.entityType, t.entityId),
    index('audit_log_scope').on(t.scopeId),
    index('audit_log_origin').on(t.originHash),
  ],
);
