import type Database from 'better-sqlite3';
import { and, asc, eq, inArray, max, or } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { z } from 'zod';
import { schema } from '../db';
import { replicaOf } from './capture';

/** One logged change as it travels between data directories. */
export const changeSchema = z.object({
  id: z.string().min(3).max(200),
  replica: z.string().min(1).max(100),
  counter: z.number().int().positive(),
  engagementId: z.string().max(200).nullable(),
  tbl: z.string().min(1).max(100),
  rowId: z.string().min(1).max(1000),
  field: z.string().max(100),
  op: z.enum(schema.changeOps),
  valueJson: z.string().nullable(),
  parents: z.array(z.string().max(200)).max(10_000),
  actor: z.string().max(500),
  at: z.string().max(100),
});
export type Change = z.infer<typeof changeSchema>;

/** An audit row as the sender's trail holds it (origin set when it came from a third party). */
export const auditRowSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  scopeId: z.string().nullable(),
  beforeJson: z.string().nullable(),
  afterJson: z.string().nullable(),
  originReplica: z.string().nullable(),
  originHash: z.string().nullable(),
  prevHash: z.string().length(64),
  hash: z.string().length(64),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const blobSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  storedAt: z.string(),
});
export type BlobRecord = z.infer<typeof blobSchema>;

/** Every change of one engagement a data directory knows: the unit of sync. */
export const changeSetSchema = z.object({
  format: z.literal('assay-changeset'),
  version: z.literal(1),
  /** The sender's replica and what it had received from each replica (max counter). */
  replica: z.string().min(1),
  versionVector: z.record(z.string(), z.number().int().nonnegative()),
  engagementId: z.string().min(1),
  changes: z.array(changeSchema),
  audit: z.array(auditRowSchema),
  blobs: z.array(blobSchema),
});
export type ChangeSet = z.infer<typeof changeSetSchema>;

const { auditLog, evidenceBlobs, evidenceItems, syncChanges } = schema;

const drizzles = new WeakMap<Database.Database, SyncDb>();
type SyncDb = ReturnType<typeof newSyncDb>;
const newSyncDb = (sqlite: Database.Database) => drizzle({ client: sqlite, schema });

/** The connection's drizzle handle for sync's typed queries, made once per connection. */
export function syncDb(sqlite: Database.Database): SyncDb {
  let db = drizzles.get(sqlite);
  if (!db) drizzles.set(sqlite, (db = newSyncDb(sqlite)));
  return db;
}

const parentsSchema = z.array(z.string());

/** The parents column: nearly always empty or one id, so the common cases skip the parser. */
function parentsOf(json: string): string[] {
  if (json === '[]') return [];
  return parentsSchema.parse(JSON.parse(json));
}

/** The columns of a change, in the order changeFromCells reads them. */
export const CHANGE_COLUMNS =
  'id, replica, counter, engagement_id, tbl, row_id, field, op, value_json, parents_json, actor, at';

export const isOp = (value: unknown): value is Change['op'] =>
  schema.changeOps.some((op) => op === value);
const textOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';

/**
 * One row of `SELECT ${CHANGE_COLUMNS}` (raw cells: an export reads tens of thousands, and
 * drizzle's row mapping cost a third of it), checked cell by cell rather than cast.
 */
export function changeFromCells(cells: unknown): Change {
  const row: unknown[] = Array.isArray(cells) ? cells : [];
  const [id, replica, counter, engagementId, tbl, rowId, field, op, valueJson, parents, actor, at] =
    row;
  if (
    typeof id !== 'string' ||
    typeof replica !== 'string' ||
    typeof counter !== 'number' ||
    !textOrNull(engagementId) ||
    typeof tbl !== 'string' ||
    typeof rowId !== 'string' ||
    typeof field !== 'string' ||
    !isOp(op) ||
    !textOrNull(valueJson) ||
    typeof parents !== 'string' ||
    typeof actor !== 'string' ||
    typeof at !== 'string'
  ) {
    throw new Error('A change in the sync log is not what Assay writes there.');
  }
  return {
    id,
    replica,
    counter,
    engagementId,
    tbl,
    rowId,
    field,
    op,
    valueJson,
    parents: parentsOf(parents),
    actor,
    at,
  };
}

/** What this directory has received from each replica: the highest counter of each. */
export function versionVector(sqlite: Database.Database): Record<string, number> {
  const rows = syncDb(sqlite)
    .select({ replica: syncChanges.replica, n: max(syncChanges.counter) })
    .from(syncChanges)
    .groupBy(syncChanges.replica)
    .all();
  return Object.fromEntries(rows.map((r) => [r.replica, r.n ?? 0]));
}

/** The ids of the engagement's assessments, gone ones included (their audit rows still belong). */
function scopeIds(db: SyncDb, engagementId: string): string[] {
  const rows = db
    .selectDistinct({ id: syncChanges.rowId })
    .from(syncChanges)
    .where(
      and(
        eq(syncChanges.engagementId, engagementId),
        eq(syncChanges.tbl, 'assessments'),
        eq(syncChanges.field, ''),
      ),
    )
    .all();
  return [engagementId, ...rows.map((r) => r.id)];
}

/** Builds the change set of one engagement: its log in the order learned, audit rows, blobs. */
export function buildChangeSet(sqlite: Database.Database, engagementId: string): ChangeSet {
  const db = syncDb(sqlite);
  const changes = sqlite
    .prepare(`SELECT ${CHANGE_COLUMNS} FROM sync_changes WHERE engagement_id = ? ORDER BY seq`)
    .raw()
    .all(engagementId)
    .map(changeFromCells);
  const scopes = scopeIds(db, engagementId);
  const audit = db
    .select({
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      scopeId: auditLog.scopeId,
      beforeJson: auditLog.beforeJson,
      afterJson: auditLog.afterJson,
      originReplica: auditLog.originReplica,
      originHash: auditLog.originHash,
      prevHash: auditLog.prevHash,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .where(or(inArray(auditLog.scopeId, scopes), inArray(auditLog.entityId, scopes)))
    .orderBy(asc(auditLog.seq))
    .all();
  const blobs = db
    .selectDistinct({
      sha256: evidenceBlobs.sha256,
      size: evidenceBlobs.size,
      storedAt: evidenceBlobs.storedAt,
    })
    .from(evidenceBlobs)
    .innerJoin(evidenceItems, eq(evidenceItems.sha256, evidenceBlobs.sha256))
    .where(eq(evidenceItems.engagementId, engagementId))
    .all();
  return {
    format: 'assay-changeset',
    version: 1,
    replica: replicaOf(sqlite),
    versionVector: versionVector(sqlite),
    engagementId,
    changes,
    audit,
    blobs,
  };
}
