import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

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

/** Appends one row to the hash-chained audit trail. Call inside the transaction of the change. */
export function appendAudit(
  sqlite: Database.Database,
  at: string,
  actor: string,
  entry: AuditEntry,
): void {
  const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS;
  const fields = [
    at,
    actor,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.scopeId ?? null,
    toJson(entry.before),
    toJson(entry.after),
  ];
  sqlite
    .prepare(
      `INSERT INTO audit_log (at, actor, action, entity_type, entity_id, scope_id, before_json, after_json, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...fields, prevHash, rowHash(prevHash, fields));
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** seq of the first row whose hash or link does not match, or null. */
  brokenAt: number | null;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  scope_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** Walks the whole chain; a deleted, inserted or altered row shows as the first mismatch. */
export function verifyAuditChain(sqlite: Database.Database): AuditVerification {
  let prev = GENESIS;
  let rows = 0;
  for (const row of sqlite
    .prepare('SELECT * FROM audit_log ORDER BY seq')
    .iterate() as Iterable<AuditRow>) {
    rows += 1;
    const fields = [
      row.at,
      row.actor,
      row.action,
      row.entity_type,
      row.entity_id,
      row.scope_id,
      row.before_json,
      row.after_json,
    ];
    if (row.prev_hash !== prev || rowHash(prev, fields) !== row.hash) {
      return { ok: false, rows, brokenAt: row.seq };
    }
    prev = row.hash;
  }
  return { ok: true, rows, brokenAt: null };
}
