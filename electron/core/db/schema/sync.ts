import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** This data directory's stable identity in sync: one row, made once, never changed. */
export const syncReplica = sqliteTable('sync_replica', {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
});

export const changeOps = ['create', 'set', 'delete', 'merge'] as const;

/**
 * The field-level change log, written by TEMP triggers in the transaction of every write to an
 * engagement-scoped table (electron/core/sync/capture.ts), and by the applier for imported ones.
 * `seq` is the order this directory learned them in (causal: parents always come first).
 */
export const syncChanges = sqliteTable(
  'sync_changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** `<replica>:<counter>`. */
    id: text('id').notNull().unique(),
    replica: text('replica').notNull(),
    counter: integer('counter').notNull(),
    engagementId: text('engagement_id'),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    /** SQL column name; '' for a row's create and delete. */
    field: text('field').notNull(),
    op: text('op', { enum: changeOps }).notNull(),
    /** JSON: the field's value (set, merge) or the whole row (create, delete). */
    valueJson: text('value_json'),
    /** JSON array of the change ids this one overwrote. */
    parentsJson: text('parents_json').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    index('sync_changes_row').on(t.tbl, t.rowId, t.field),
    index('sync_changes_engagement').on(t.engagementId, t.seq),
    index('sync_changes_replica').on(t.replica, t.counter),
  ],
);

/** The change that produced each field's current value ('' = the row's create or delete). */
export const syncHeads = sqliteTable(
  'sync_heads',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    changeId: text('change_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.rowId, t.field] })],
);

export const conflictKinds = ['field', 'edit-delete', 'delete-edit'] as const;
export const conflictStatuses = ['open', 'resolved'] as const;

/** The same field changed differently on both sides (or edited on one, deleted on the other). */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id'),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    kind: text('kind', { enum: conflictKinds }).notNull(),
    mineChangeId: text('mine_change_id').notNull(),
    theirsChangeId: text('theirs_change_id').notNull(),
    status: text('status', { enum: conflictStatuses }).notNull(),
    /** The merge change that settled it (here or on the other side). */
    resolvedChangeId: text('resolved_change_id'),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('sync_conflicts_open').on(t.status, t.engagementId)],
);

/** A human reference (F-007, R-012) renumbered on import because it was taken here. */
export const syncRefChanges = sqliteTable('sync_ref_changes', {
  id: text('id').primaryKey(),
  engagementId: text('engagement_id'),
  tbl: text('tbl').notNull(),
  rowId: text('row_id').notNull(),
  fromRef: text('from_ref').notNull(),
  toRef: text('to_ref').notNull(),
  at: text('at').notNull(),
  sender: text('sender').notNull(),
});

/** An incoming row that is the same record as a local one (same natural key, other id). */
export const syncAliases = sqliteTable(
  'sync_aliases',
  {
    tbl: text('tbl').notNull(),
    remoteRowId: text('remote_row_id').notNull(),
    localRowId: text('local_row_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.remoteRowId] })],
);
