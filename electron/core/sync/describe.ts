import type Database from 'better-sqlite3';
import type { Change } from './changeset';
import { openConflicts, type ConflictKind } from './conflicts';
import { rowValues, SyncLog, valueOf } from './log';
import { readRow } from './rows';
import { syncTable } from './tables';

/** One side of a conflict as people read it: the value, who set it, when, and where. */
export interface ConflictSide {
  /** The field's value; for a whole record, null when that side deleted it. */
  value: unknown;
  deleted: boolean;
  actor: string;
  at: string;
  replica: string;
}

export interface ConflictView {
  id: string;
  engagementId: string | null;
  table: string;
  rowId: string;
  /** What people call the record (F-007, a risk's title, a system's name). */
  label: string;
  field: string;
  kind: ConflictKind;
  mine: ConflictSide;
  theirs: ConflictSide;
  createdAt: string;
}

const LABEL_COLUMNS = ['ref', 'title', 'name', 'client_name', 'item_key', 'requirement_id'];

function labelOf(row: Record<string, unknown> | undefined, fallback: string): string {
  if (row) {
    const parts = LABEL_COLUMNS.filter((c) => typeof row[c] === 'string' && row[c] !== '').slice(
      0,
      2,
    );
    // A requirement id reads as its reference (6.1.2), not with its framework's prefix.
    if (parts.length > 0)
      return parts.map((c) => String(row[c]).replace(/^[\w.-]+:/, '')).join(' — ');
  }
  return fallback;
}

function rowOf(change: Change | null): Record<string, unknown> | undefined {
  if (!change || change.field !== '') return undefined;
  try {
    return rowValues(change) ?? undefined;
  } catch {
    // A label only: a change without a readable row is named by its id instead.
    return undefined;
  }
}

function side(
  change: Change | null,
  field: string,
  current: Record<string, unknown> | undefined,
  isMine: boolean,
): ConflictSide {
  const deleted =
    change !== null &&
    (change.op === 'delete' || (change.field === '' && change.valueJson === null));
  let value: unknown = null;
  if (field !== '')
    value = isMine && current ? (current[field] ?? null) : change ? valueOf(change, field) : null;
  return {
    value,
    deleted,
    actor: change?.actor ?? '',
    at: change?.at ?? '',
    replica: change?.replica ?? '',
  };
}

/** The open conflicts with both sides' values, who and when — what the merge screen and CLI show. */
export function describeConflicts(
  sqlite: Database.Database,
  engagementId?: string,
): ConflictView[] {
  const log = new SyncLog(sqlite);
  return openConflicts(sqlite, engagementId).map((c) => {
    const table = syncTable(c.tbl);
    const current = table ? readRow(sqlite, table, c.rowId) : undefined;
    const mine = log.get(c.mineChangeId);
    const theirs = log.get(c.theirsChangeId);
    return {
      id: c.id,
      engagementId: c.engagementId,
      table: c.tbl,
      rowId: c.rowId,
      label: labelOf(current ?? rowOf(theirs) ?? rowOf(mine), c.rowId),
      field: c.field,
      kind: c.kind,
      mine: side(mine, c.field, current, true),
      theirs: side(theirs, c.field, current, false),
      createdAt: c.createdAt,
    };
  });
}
