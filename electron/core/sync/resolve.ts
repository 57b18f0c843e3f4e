import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { appendAudit } from '../audit';
import { schema } from '../db';
import { nextChangeId, withCapture, withoutCapture } from './capture';
import type { Change } from './changeset';
import {
  closeConflict,
  conflictById,
  openConflictOn,
  openConflictsOnRow,
  type ConflictRecord,
} from './conflicts';
import { rowValues, SyncLog, valueOf } from './log';
import { deleteRow, insertRow, readRow, writeField } from './rows';
import { SyncRefusal } from './merger';
import { syncTable, type SyncTable } from './tables';

/** Take this side's value, the other side's, or an edited combination (a field conflict only). */
export type Resolution = { take: 'mine' } | { take: 'theirs' } | { take: 'value'; value: unknown };

export interface ResolveOptions {
  actor: string;
  now: string;
}

type Stamp = { at: string; actor: string };

/**
 * Brings a row back (deleted here, or held because its parent was): from what the delete removed
 * or from its create, with every field change the base did not see laid over it in the order
 * learned. Parents first, each with a merge change so the other side learns it lives on.
 */
function restoreRow(
  sqlite: Database.Database,
  log: SyncLog,
  table: SyncTable,
  rowId: string,
  stamp: Stamp,
  engagementId: string | null,
): void {
  if (readRow(sqlite, table, rowId)) return;
  const deleted = log.deletedHere(table.name, rowId);
  const held = openConflictOn(sqlite, table.name, rowId, '');
  const heldChange = held ? log.get(held.theirsChangeId) : null;
  // A row held back because its parent was deleted here comes back as they made it: their
  // create may follow their own delete of it (a save that rewrites a record's links deletes and
  // re-adds them), which this side took as already done when the parent went.
  const theirRow =
    heldChange?.op === 'create' || (heldChange?.field === '' && heldChange.valueJson !== null);
  const base = theirRow ? heldChange : (deleted ?? heldChange);
  if (!base || (base.op !== 'delete' && base.op !== 'create' && base.field !== '')) {
    throw new SyncRefusal(
      'MISSING',
      `The record ${table.name} ${rowId} cannot be found in the log.`,
    );
  }
  const row = rowValues(base) ?? {};
  const edits = sqlite
    .prepare(
      "SELECT id FROM sync_changes WHERE tbl = ? AND row_id = ? AND field <> '' ORDER BY seq",
    )
    .pluck()
    .all(table.name, rowId)
    .filter((id) => typeof id === 'string');
  const laid: string[] = [];
  for (const id of edits) {
    const change = log.get(id);
    if (change && !log.descendsFrom(base.parents, id) && id !== base.id) {
      row[change.field] = valueOf(change, change.field);
      laid.push(id);
    }
  }
  // Bringing it back is the decider's edit: stamped as theirs, as the other side will stamp it.
  if (table.hasStamp) Object.assign(row, { updated_at: stamp.at, updated_by: stamp.actor });
  for (const parent of table.parents) {
    const parentId = row[parent.column];
    const parentTable = syncTable(parent.table);
    if (typeof parentId === 'string' && parentTable)
      restoreRow(sqlite, log, parentTable, parentId, stamp, engagementId);
  }
  insertRow(sqlite, table, row);
  const next = nextChangeId(sqlite);
  // Parents: everything it was rebuilt from, so the side that made those edits sees them seen.
  const parents = [
    ...new Set([
      ...log.rowHeads(table.name, rowId).map((h) => h.id),
      base.id,
      ...(held ? [held.theirsChangeId] : []),
      ...laid,
    ]),
  ];
  recordMerge(
    log,
    next,
    { engagementId, tbl: table.name, rowId, field: '', valueJson: JSON.stringify(row), parents },
    stamp,
  );
  log.setRowHead(table.name, rowId, next.id);
  for (const open of openConflictsOnRow(sqlite, table.name, rowId))
    closeConflict(sqlite, open.id, { changeId: next.id, ...stamp });
}

function recordMerge(
  log: SyncLog,
  next: ReturnType<typeof nextChangeId>,
  change: Pick<Change, 'engagementId' | 'tbl' | 'rowId' | 'field' | 'valueJson' | 'parents'>,
  stamp: Stamp,
): void {
  log.record({
    ...change,
    id: next.id,
    replica: next.replica,
    counter: next.counter,
    op: 'merge',
    ...stamp,
  });
}

/**
 * Settles an open conflict by writing a merge change whose parents are both sides' heads: it
 * travels like any change, and on the other side one of its parents is the head, so it applies
 * there without a new conflict. One transaction with its audit row.
 */
export function resolveConflict(
  sqlite: Database.Database,
  conflictId: string,
  resolution: Resolution,
  options: ResolveOptions,
): { changeId: string } {
  return withoutCapture(sqlite, () =>
    sqlite
      .transaction(() => {
        const conflict = conflictById(sqlite, conflictId);
        if (!conflict || conflict.status !== 'open') {
          throw new SyncRefusal('MISSING', `There is no open conflict ${conflictId}.`);
        }
        const table = syncTable(conflict.tbl);
        if (!table) throw new SyncRefusal('NEWER', `Unknown record type ${conflict.tbl}.`);
        const log = new SyncLog(sqlite);
        const theirs = log.get(conflict.theirsChangeId)!;
        const stamp = { at: options.now, actor: options.actor };
        const { rowId, field } = conflict;
        let parents: string[];
        let valueJson: string | null;
        let next: ReturnType<typeof nextChangeId>;
        if (field !== '') {
          if (
            resolution.take === 'value' &&
            typeof resolution.value !== typeof valueOf(theirs, field) &&
            valueOf(theirs, field) !== null
          ) {
            throw new SyncRefusal(
              'TAMPERED',
              'The combined value is not of the field\u2019s kind.',
            );
          }
          const row = readRow(sqlite, table, rowId);
          if (!row) throw new SyncRefusal('MISSING', 'The record of this conflict is gone.');
          const value =
            resolution.take === 'mine'
              ? row[field]
              : resolution.take === 'theirs'
                ? valueOf(theirs, field)
                : resolution.value;
          writeField(sqlite, table, rowId, field, value, stamp);
          parents = [log.fieldHead(table.name, rowId, field) ?? conflict.mineChangeId, theirs.id];
          valueJson = JSON.stringify(value ?? null);
          next = nextChangeId(sqlite);
          log.setHead(table.name, rowId, field, next.id);
        } else {
          if (resolution.take === 'value')
            throw new SyncRefusal(
              'MISSING',
              'A kept or deleted record has no combined value: take one side.',
            );
          const deleteWins =
            (conflict.kind === 'edit-delete' && resolution.take === 'theirs') ||
            (conflict.kind === 'delete-edit' && resolution.take === 'mine');
          const row = readRow(sqlite, table, rowId);
          if (!deleteWins && !row) {
            // Restoring writes its own merge changes (this row's and any parent's) and closes them.
            restoreRow(sqlite, log, table, rowId, stamp, conflict.engagementId);
            appendResolveAudit(sqlite, options, conflict, table, resolution, null);
            return { changeId: log.headOf(table.name, rowId, '')! };
          }
          // Rows beneath a record removed by this decision are removed with their own logged deletes.
          if (deleteWins && row)
            withCapture(sqlite, options.actor, options.now, () => deleteRow(sqlite, table, rowId));
          parents = [...new Set([...log.rowHeads(table.name, rowId).map((h) => h.id), theirs.id])];
          valueJson = deleteWins ? null : JSON.stringify(row);
          next = nextChangeId(sqlite);
          log.setRowHead(table.name, rowId, next.id);
        }
        recordMerge(
          log,
          next,
          {
            engagementId: conflict.engagementId,
            tbl: table.name,
            rowId,
            field,
            valueJson,
            parents,
          },
          stamp,
        );
        closeConflict(sqlite, conflict.id, { changeId: next.id, ...stamp });
        if (field === '') {
          for (const other of openConflictsOnRow(sqlite, table.name, rowId))
            closeConflict(sqlite, other.id, { changeId: next.id, ...stamp });
        }
        appendResolveAudit(sqlite, options, conflict, table, resolution, valueJson);
        return { changeId: next.id };
      })
      .immediate(),
  );
}

function appendResolveAudit(
  sqlite: Database.Database,
  options: ResolveOptions,
  conflict: ConflictRecord,
  table: SyncTable,
  resolution: Resolution,
  valueJson: string | null,
): void {
  appendAudit(drizzle({ client: sqlite, schema }), options.now, options.actor, {
    action: 'sync.resolve',
    entityType: table.name,
    entityId: conflict.rowId,
    scopeId: conflict.engagementId,
    after: { conflict: conflict.id, field: conflict.field, take: resolution.take, valueJson },
  });
}
