import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { preparedOnce, schema, type Db } from './db';

const { auditLog } = schema;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  scopeId?: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

function rowHash(prevHash: string, fields: (string | null)[]): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(JSON.stringify(fields))
    .digest('hex');
}

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

// Every change appends a row, so both statements are prepared once per connection.
const lastHash = preparedOnce((db) =>
  db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).prepare(),
);
// Named columns only, so a store still on an earlier schema (before the origin columns) takes it.
// drizzle lists every column of the table in an insert, so this one is written out by hand.
const insertRow = preparedOnce((db) =>
  (db as Db & { $client: Database.Database }).$client.prepare(
    `INSERT INTO audit_log (at, actor, action, entity_type, entity_id, scope_id, before_json, after_json, prev_hash, hash)
     VALUES (@at, @actor, @action, @entityType, @entityId, @scopeId, @beforeJson, @afterJson, @prevHash, @hash)`,
  ),
);
// A row from another data directory's trail also names its origin (columns of migration 0011).
// Written out by hand too: an import appends thousands, and drizzle's placeholder filling cost
// more than the insert.
const insertForeignRow = preparedOnce((db) =>
  (db as Db & { $client: Database.Database }).$client.prepare(
    `INSERT INTO audit_log (at, actor, action, entity_type, entity_id, scope_id, before_json, after_json, origin_replica, origin_hash, prev_hash, hash)
     VALUES (@at, @actor, @action, @entityType, @entityId, @scopeId, @beforeJson, @afterJson, @originReplica, @originHash, @prevHash, @hash)`,
  ),
);

/**
 * The fields a row's hash covers, in their fixed order. The origin of an imported row is covered
 * too, appended only when set so every row written before sync existed hashes as it always did.
 */
function hashedFields(row: Omit<typeof auditLog.$inferSelect, 'seq' | 'prevHash' | 'hash'>) {
  const origin = row.originHash === null ? [] : [row.originReplica, row.originHash];
  return [
    row.at,
    row.actor,
    row.action,
    row.entityType,
    row.entityId,
    row.scopeId,
    row.beforeJson,
    row.afterJson,
    ...origin,
  ];
}

/** Appends one row to the hash-chained audit trail. Call inside the transaction of the change. */
export function appendAudit(db: Db, at: string, actor: string, entry: AuditEntry): void {
  const prevHash = lastHash(db).get()?.hash ?? GENESIS;
  const row = {
    at,
    actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    scopeId: entry.scopeId ?? null,
    beforeJson: toJson(entry.before),
    afterJson: toJson(entry.after),
  };
  const hash = rowHash(prevHash, hashedFields({ ...row, originReplica: null, originHash: null }));
  insertRow(db).run({ ...row, prevHash, hash });
}

/** An audit row as another data directory's chain wrote it (what an exchange file carries). */
export type ForeignAuditRow = Omit<typeof auditLog.$inferSelect, 'seq'>;

/** Whether a foreign row's own hash matches its fields and its stated predecessor. */
export function foreignRowIntact(row: ForeignAuditRow): boolean {
  return rowHash(row.prevHash, hashedFields(row)) === row.hash;
}

/**
 * Appends rows that another data directory's trail holds, keeping who, when and what, and naming
 * where each came from; chained here like any other row, so the merged trail verifies. One read
 * of the chain's end for the whole batch (an import brings thousands).
 */
export function appendForeignAudit(
  db: Db,
  rows: { row: ForeignAuditRow; origin: { replica: string; hash: string } }[],
): void {
  if (rows.length === 0) return;
  let prevHash = lastHash(db).get()?.hash ?? GENESIS;
  const insert = insertForeignRow(db);
  for (const { row, origin } of rows) {
    const local = {
      at: row.at,
      actor: row.actor,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      scopeId: row.scopeId,
      beforeJson: row.beforeJson,
      afterJson: row.afterJson,
      originReplica: origin.replica,
      originHash: origin.hash,
    };
    const hash = rowHash(prevHash, hashedFields(local));
    insert.run({ ...local, prevHash, hash });
    prevHash = hash;
  }
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** seq of the first row whose hash or link does not match, or null. */
  brokenAt: number | null;
}

const VERIFY_PAGE = 2_000;

/**
 * Walks the whole chain; a deleted, inserted or altered row shows as the first mismatch. Reads it
 * a page at a time, so a long trail never has to fit in memory at once.
 */
export function verifyAuditChain(sqlite: Database.Database): AuditVerification {
  const page = drizzle({ client: sqlite, schema })
    .select()
    .from(auditLog)
    .where(gt(auditLog.seq, sql.placeholder('after')))
    .orderBy(asc(auditLog.seq))
    .limit(VERIFY_PAGE)
    .prepare();
  let prev = GENESIS;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = page.all({ after });
    for (const row of batch) {
      rows += 1;
      if (row.prevHash !== prev || rowHash(prev, hashedFields(row)) !== row.hash) {
        return { ok: false, rows, brokenAt: row.seq };
      }
      prev = row.hash;
      after = row.seq;
    }
    if (batch.length < VERIFY_PAGE) return { ok: true, rows, brokenAt: null };
  }
}
