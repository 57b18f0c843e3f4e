import type Database from 'better-sqlite3';
import { statement } from './rows';
import type { schema } from '../db';

export type ConflictKind = (typeof schema.conflictKinds)[number];

export interface ConflictRecord {
  id: string;
  engagementId: string | null;
  tbl: string;
  rowId: string;
  field: string;
  kind: ConflictKind;
  mineChangeId: string;
  theirsChangeId: string;
  status: 'open' | 'resolved';
  resolvedChangeId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

const SELECT = `SELECT id, engagement_id AS engagementId, tbl, row_id AS rowId, field, kind,
  mine_change_id AS mineChangeId, theirs_change_id AS theirsChangeId, status,
  resolved_change_id AS resolvedChangeId, created_at AS createdAt, resolved_at AS resolvedAt,
  resolved_by AS resolvedBy FROM sync_conflicts`;

/** The open conflicts, oldest first; of one engagement when given. */
export function openConflicts(sqlite: Database.Database, engagementId?: string): ConflictRecord[] {
  return engagementId
    ? (statement(
        sqlite,
        `${SELECT} WHERE status = 'open' AND engagement_id = ? ORDER BY created_at, id`,
      ).all(engagementId) as ConflictRecord[])
    : (statement(
        sqlite,
        `${SELECT} WHERE status = 'open' ORDER BY created_at, id`,
      ).all() as ConflictRecord[]);
}

export function conflictById(sqlite: Database.Database, id: string): ConflictRecord | undefined {
  return statement(sqlite, `${SELECT} WHERE id = ?`).get(id) as ConflictRecord | undefined;
}

/** The open conflict on one field (or on the row itself, field ''), if any. */
export function openConflictOn(
  sqlite: Database.Database,
  tbl: string,
  rowId: string,
  field: string,
): ConflictRecord | undefined {
  return statement(
    sqlite,
    `${SELECT} WHERE status = 'open' AND tbl = ? AND row_id = ? AND field = ?`,
  ).get(tbl, rowId, field) as ConflictRecord | undefined;
}

export function openConflictsOnRow(
  sqlite: Database.Database,
  tbl: string,
  rowId: string,
): ConflictRecord[] {
  return statement(sqlite, `${SELECT} WHERE status = 'open' AND tbl = ? AND row_id = ?`).all(
    tbl,
    rowId,
  ) as ConflictRecord[];
}

export type NewConflict = Pick<
  ConflictRecord,
  'id' | 'engagementId' | 'tbl' | 'rowId' | 'field' | 'kind' | 'mineChangeId' | 'theirsChangeId'
> & { at: string };

/**
 * Records a conflict, or moves an open one on the same field to the newer incoming change (the
 * older one stays in the log: nothing is lost). Answers the conflict's id.
 */
export function recordConflict(sqlite: Database.Database, conflict: NewConflict): string {
  const open = openConflictOn(sqlite, conflict.tbl, conflict.rowId, conflict.field);
  if (open) {
    statement(sqlite, 'UPDATE sync_conflicts SET theirs_change_id = ? WHERE id = ?').run(
      conflict.theirsChangeId,
      open.id,
    );
    return open.id;
  }
  statement(
    sqlite,
    `INSERT INTO sync_conflicts (id, engagement_id, tbl, row_id, field, kind, mine_change_id,
         theirs_change_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  ).run(
    conflict.id,
    conflict.engagementId,
    conflict.tbl,
    conflict.rowId,
    conflict.field,
    conflict.kind,
    conflict.mineChangeId,
    conflict.theirsChangeId,
    conflict.at,
  );
  return conflict.id;
}

export function closeConflict(
  sqlite: Database.Database,
  id: string,
  by: { changeId: string; at: string; actor: string },
): void {
  statement(
    sqlite,
    `UPDATE sync_conflicts SET status = 'resolved', resolved_change_id = ?, resolved_at = ?, resolved_by = ?
        WHERE id = ? AND status = 'open'`,
  ).run(by.changeId, by.at, by.actor, id);
}

/** An open conflict's "mine" moves on when a change that builds on our value arrives. */
export function moveMine(sqlite: Database.Database, id: string, changeId: string): void {
  statement(sqlite, 'UPDATE sync_conflicts SET mine_change_id = ? WHERE id = ?').run(changeId, id);
}
