import type Database from 'better-sqlite3';
import { statement } from './rows';
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema } from '../db';
import { syncDb } from './changeset';

export type ConflictKind = (typeof schema.conflictKinds)[number];

const { syncConflicts: c } = schema;
const p = sql.placeholder;

/** A conflict as stored (typed from the drizzle schema). */
export type ConflictRecord = typeof c.$inferSelect;

function prepare(sqlite: Database.Database) {
  const db = syncDb(sqlite);
  const open = eq(c.status, 'open');
  const order = [asc(c.createdAt), asc(c.id)] as const;
  const onRow = and(open, eq(c.tbl, p('tbl')), eq(c.rowId, p('rowId')));
  return {
    all: db
      .select()
      .from(c)
      .where(open)
      .orderBy(...order)
      .prepare(),
    ofEngagement: db
      .select()
      .from(c)
      .where(and(open, eq(c.engagementId, p('engagementId'))))
      .orderBy(...order)
      .prepare(),
    byId: db
      .select()
      .from(c)
      .where(eq(c.id, p('id')))
      .prepare(),
    onField: db
      .select()
      .from(c)
      .where(and(onRow, eq(c.field, p('field'))))
      .prepare(),
    onRow: db.select().from(c).where(onRow).prepare(),
  };
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

/** The conflict queries of a connection, prepared once (the applier asks per incoming change). */
function queries(sqlite: Database.Database): ReturnType<typeof prepare> {
  let q = prepared.get(sqlite);
  if (!q) prepared.set(sqlite, (q = prepare(sqlite)));
  return q;
}

/** The open conflicts, oldest first; of one engagement when given. */
export function openConflicts(sqlite: Database.Database, engagementId?: string): ConflictRecord[] {
  const q = queries(sqlite);
  return engagementId ? q.ofEngagement.all({ engagementId }) : q.all.all();
}

export function conflictById(sqlite: Database.Database, id: string): ConflictRecord | undefined {
  return queries(sqlite).byId.get({ id });
}

/** The open conflict on one field (or on the row itself, field ''), if any. */
export function openConflictOn(
  sqlite: Database.Database,
  tbl: string,
  rowId: string,
  field: string,
): ConflictRecord | undefined {
  return queries(sqlite).onField.get({ tbl, rowId, field });
}

export function openConflictsOnRow(
  sqlite: Database.Database,
  tbl: string,
  rowId: string,
): ConflictRecord[] {
  return queries(sqlite).onRow.all({ tbl, rowId });
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
