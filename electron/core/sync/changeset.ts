import type Database from 'better-sqlite3';
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

interface ChangeRow {
  id: string;
  replica: string;
  counter: number;
  engagement_id: string | null;
  tbl: string;
  row_id: string;
  field: string;
  op: Change['op'];
  value_json: string | null;
  parents_json: string;
  actor: string;
  at: string;
}

export function changeFromRow(row: ChangeRow): Change {
  return {
    id: row.id,
    replica: row.replica,
    counter: row.counter,
    engagementId: row.engagement_id,
    tbl: row.tbl,
    rowId: row.row_id,
    field: row.field,
    op: row.op,
    valueJson: row.value_json,
    parents: JSON.parse(row.parents_json) as string[],
    actor: row.actor,
    at: row.at,
  };
}

/** What this directory has received from each replica: the highest counter of each. */
export function versionVector(sqlite: Database.Database): Record<string, number> {
  const rows = sqlite
    .prepare('SELECT replica, max(counter) AS n FROM sync_changes GROUP BY replica')
    .all() as { replica: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.replica, r.n]));
}

/** The ids of the engagement's assessments, gone ones included (their audit rows still belong). */
function scopeIds(sqlite: Database.Database, engagementId: string): string[] {
  const ids = sqlite
    .prepare(
      `SELECT DISTINCT row_id FROM sync_changes WHERE engagement_id = ? AND tbl = 'assessments' AND field = ''`,
    )
    .pluck()
    .all(engagementId) as string[];
  return [engagementId, ...ids];
}

/** Builds the change set of one engagement: its log in the order learned, audit rows, blobs. */
export function buildChangeSet(sqlite: Database.Database, engagementId: string): ChangeSet {
  const changes = (
    sqlite
      .prepare('SELECT * FROM sync_changes WHERE engagement_id = ? ORDER BY seq')
      .all(engagementId) as ChangeRow[]
  ).map(changeFromRow);
  const scopes = scopeIds(sqlite, engagementId);
  const marks = scopes.map(() => '?').join(', ');
  const audit = sqlite
    .prepare(
      `SELECT at, actor, action, entity_type AS entityType, entity_id AS entityId, scope_id AS scopeId,
              before_json AS beforeJson, after_json AS afterJson, origin_replica AS originReplica,
              origin_hash AS originHash, prev_hash AS prevHash, hash
         FROM audit_log WHERE scope_id IN (${marks}) OR entity_id IN (${marks}) ORDER BY seq`,
    )
    .all(...scopes, ...scopes) as z.infer<typeof auditRowSchema>[];
  const blobs = sqlite
    .prepare(
      `SELECT DISTINCT b.sha256, b.size, b.stored_at AS storedAt FROM evidence_blobs b
         JOIN evidence_items i ON i.sha256 = b.sha256 WHERE i.engagement_id = ?`,
    )
    .all(engagementId) as BlobRecord[];
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
