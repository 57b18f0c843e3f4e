import type Database from 'better-sqlite3';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../db';
import { CHANGE_COLUMNS, changeFromCells, syncDb, type Change } from './changeset';
import { SyncRefusal } from './refusal';
import { isRow, type Row } from './rows';

const { syncAliases, syncHeads } = schema;
const p = sql.placeholder;

/**
 * The change log and heads of one connection as the applier and the resolver read and write
 * them: statements prepared once per use (typed from the drizzle schema), values compared as JSON.
 */
export class SyncLog {
  private readonly byId: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly head;
  private readonly heads;
  private readonly putHead: Database.Statement;
  private readonly dropFieldHeads;
  private readonly cache = new Map<string, Change | null>();

  constructor(readonly sqlite: Database.Database) {
    const db = syncDb(sqlite);
    this.byId = sqlite.prepare(`SELECT ${CHANGE_COLUMNS} FROM sync_changes WHERE id = ?`).raw();
    // Written out by hand: the applier records tens of thousands of these in one import.
    this.insert = sqlite.prepare(
      `INSERT INTO sync_changes (id, replica, counter, engagement_id, tbl, row_id, field, op, value_json, parents_json, actor, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ofRow = and(eq(syncHeads.tbl, p('tbl')), eq(syncHeads.rowId, p('rowId')));
    this.head = db
      .select({ id: syncHeads.changeId })
      .from(syncHeads)
      .where(and(ofRow, eq(syncHeads.field, p('field'))))
      .prepare();
    this.heads = db
      .select({ field: syncHeads.field, id: syncHeads.changeId })
      .from(syncHeads)
      .where(ofRow)
      .prepare();
    this.putHead = sqlite.prepare(
      `INSERT INTO sync_heads (tbl, row_id, field, change_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (tbl, row_id, field) DO UPDATE SET change_id = excluded.change_id`,
    );
    this.dropFieldHeads = db
      .delete(syncHeads)
      .where(and(ofRow, sql`${syncHeads.field} <> ''`))
      .prepare();
  }

  get(id: string): Change | null {
    if (this.cache.has(id)) return this.cache.get(id) ?? null;
    const row = this.byId.get(id);
    const change = row === undefined ? null : changeFromCells(row);
    this.cache.set(id, change);
    return change;
  }

  /** Every incoming row id that stands for another row here (same record made on both sides). */
  aliases(): (typeof syncAliases.$inferSelect)[] {
    return syncDb(this.sqlite).select().from(syncAliases).all();
  }

  known(id: string): boolean {
    return this.get(id) !== null;
  }

  record(change: Change): void {
    const c = change;
    this.insert.run(
      c.id,
      c.replica,
      c.counter,
      c.engagementId,
      c.tbl,
      c.rowId,
      c.field,
      c.op,
      c.valueJson,
      c.parents.length === 0 ? '[]' : JSON.stringify(c.parents),
      c.actor,
      c.at,
    );
    this.cache.set(change.id, change);
  }

  headOf(tbl: string, rowId: string, field: string): string | null {
    return this.head.get({ tbl, rowId, field })?.id ?? null;
  }

  /** The head a set on `field` overwrites: the field's own, or the row's create. */
  fieldHead(tbl: string, rowId: string, field: string): string | null {
    return this.headOf(tbl, rowId, field) ?? this.headOf(tbl, rowId, '');
  }

  rowHeads(tbl: string, rowId: string): { field: string; id: string }[] {
    return this.heads.all({ tbl, rowId });
  }

  setHead(tbl: string, rowId: string, field: string, changeId: string): void {
    this.putHead.run(tbl, rowId, field, changeId);
  }

  /** The row's existence head after a delete or a whole-row merge: field heads fold into it. */
  setRowHead(tbl: string, rowId: string, changeId: string): void {
    this.dropFieldHeads.run({ tbl, rowId });
    this.putHead.run(tbl, rowId, '', changeId);
  }

  /** Whether `ancestor` is one of `parents` or reached from them through the log. */
  descendsFrom(parents: string[], ancestor: string): boolean {
    const seen = new Set<string>();
    const stack = [...parents];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === ancestor) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      const change = this.get(id);
      if (change) stack.push(...change.parents);
    }
    return false;
  }

  /** Every change `id` builds on, itself included. */
  ancestry(id: string): Set<string> {
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const change = this.get(next);
      if (change) stack.push(...change.parents);
    }
    return seen;
  }

  /**
   * The nearest change both `head` and an incoming change (through its parents) build on: the
   * base of a three-way merge, so an edit that was undone on one side does not count as a change.
   */
  commonAncestor(head: string, parents: string[]): Change | null {
    const mine = this.ancestry(head);
    const seen = new Set<string>();
    const queue = [...parents];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (mine.has(id)) return this.get(id);
      const change = this.get(id);
      if (change) queue.push(...change.parents);
    }
    return null;
  }

  /** Whether the row-level head is a delete (or a merge that deleted it). */
  deletedHere(tbl: string, rowId: string): Change | null {
    const id = this.headOf(tbl, rowId, '');
    const change = id ? this.get(id) : null;
    if (!change) return null;
    const gone = change.op === 'delete' || (change.op === 'merge' && change.valueJson === null);
    return gone ? change : null;
  }
}

/**
 * The whole row a create, delete or whole-row merge carries; null for a merge that deleted it.
 * Changes come from files: a value that is not a row object is refused, never read as one.
 */
export function rowValues(change: Change): Row | null {
  if (change.valueJson === null) return null;
  const value = parsedValue(change);
  if (!isRow(value)) {
    throw new SyncRefusal(
      'TAMPERED',
      `Change ${change.id.slice(0, 60)} carries a record that is not one.`,
    );
  }
  return value;
}

/** The change's value as JSON; a file whose value is not JSON is refused, not thrown at. */
function parsedValue(change: Change): unknown {
  try {
    return change.valueJson === null ? null : JSON.parse(change.valueJson);
  } catch {
    throw new SyncRefusal('TAMPERED', `Change ${change.id.slice(0, 60)} carries a damaged value.`);
  }
}

/** The value a change gave `field` (a whole-row change gives it through the row object). */
export function valueOf(change: Change, field: string): unknown {
  if (change.valueJson === null) return null;
  if (change.field === '') return rowValues(change)?.[field] ?? null;
  return parsedValue(change);
}

export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
