import type Database from 'better-sqlite3';
import { changeFromRow, type Change } from './changeset';
import { quoteIdent as q, keyValues, type SyncTable } from './tables';

/**
 * The change log, heads and rows of one connection as the applier and the resolver read and
 * write them: statements prepared once per use, values compared as JSON.
 */
export class SyncLog {
  private readonly byId: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly head: Database.Statement;
  private readonly heads: Database.Statement;
  private readonly putHead: Database.Statement;
  private readonly dropFieldHeads: Database.Statement;
  private readonly cache = new Map<string, Change | null>();

  constructor(readonly sqlite: Database.Database) {
    this.byId = sqlite.prepare('SELECT * FROM sync_changes WHERE id = ?');
    this.insert = sqlite.prepare(
      `INSERT INTO sync_changes (id, replica, counter, engagement_id, tbl, row_id, field, op, value_json, parents_json, actor, at)
       VALUES (@id, @replica, @counter, @engagementId, @tbl, @rowId, @field, @op, @valueJson, @parentsJson, @actor, @at)`,
    );
    this.head = sqlite
      .prepare('SELECT change_id FROM sync_heads WHERE tbl = ? AND row_id = ? AND field = ?')
      .pluck();
    this.heads = sqlite.prepare(
      'SELECT field, change_id AS id FROM sync_heads WHERE tbl = ? AND row_id = ?',
    );
    this.putHead = sqlite.prepare(
      'INSERT OR REPLACE INTO sync_heads (tbl, row_id, field, change_id) VALUES (?, ?, ?, ?)',
    );
    this.dropFieldHeads = sqlite.prepare(
      "DELETE FROM sync_heads WHERE tbl = ? AND row_id = ? AND field <> ''",
    );
  }

  get(id: string): Change | null {
    if (this.cache.has(id)) return this.cache.get(id) ?? null;
    const row = this.byId.get(id) as Parameters<typeof changeFromRow>[0] | undefined;
    const change = row ? changeFromRow(row) : null;
    this.cache.set(id, change);
    return change;
  }

  known(id: string): boolean {
    return this.get(id) !== null;
  }

  record(change: Change): void {
    this.insert.run({ ...change, parentsJson: JSON.stringify(change.parents) });
    this.cache.set(change.id, change);
  }

  headOf(tbl: string, rowId: string, field: string): string | null {
    return (this.head.get(tbl, rowId, field) as string | undefined) ?? null;
  }

  /** The head a set on `field` overwrites: the field's own, or the row's create. */
  fieldHead(tbl: string, rowId: string, field: string): string | null {
    return this.headOf(tbl, rowId, field) ?? this.headOf(tbl, rowId, '');
  }

  rowHeads(tbl: string, rowId: string): { field: string; id: string }[] {
    return this.heads.all(tbl, rowId) as { field: string; id: string }[];
  }

  setHead(tbl: string, rowId: string, field: string, changeId: string): void {
    this.putHead.run(tbl, rowId, field, changeId);
  }

  /** The row's existence head after a delete or a whole-row merge: field heads fold into it. */
  setRowHead(tbl: string, rowId: string, changeId: string): void {
    this.dropFieldHeads.run(tbl, rowId);
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

/** The value a change gave `field` (a whole-row change gives it through the row object). */
export function valueOf(change: Change, field: string): unknown {
  if (change.valueJson === null) return null;
  const value: unknown = JSON.parse(change.valueJson);
  if (change.field === '') {
    return value !== null && typeof value === 'object'
      ? ((value as Record<string, unknown>)[field] ?? null)
      : null;
  }
  return value;
}

export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const rowStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection and SQL text (the applier runs the same few thousands of times). */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let map = rowStatements.get(sqlite);
  if (!map) rowStatements.set(sqlite, (map = new Map()));
  let prepared = map.get(sql);
  if (!prepared) map.set(sql, (prepared = sqlite.prepare(sql)));
  return prepared;
}

const keyWhere = (table: SyncTable) => table.key.map((c) => `${q(c)} = ?`).join(' AND ');

/** The row as stored, or undefined. */
export function readRow(
  sqlite: Database.Database,
  table: SyncTable,
  rowId: string,
): Record<string, unknown> | undefined {
  return statement(sqlite, `SELECT * FROM main.${q(table.name)} WHERE ${keyWhere(table)}`).get(
    ...keyValues(table, rowId),
  ) as Record<string, unknown> | undefined;
}

export function writeField(
  sqlite: Database.Database,
  table: SyncTable,
  rowId: string,
  field: string,
  value: unknown,
  stamp: { at: string; actor: string },
): void {
  const sets = [`${q(field)} = ?`, ...(table.hasStamp ? ['updated_at = ?', 'updated_by = ?'] : [])];
  statement(
    sqlite,
    `UPDATE main.${q(table.name)} SET ${sets.join(', ')} WHERE ${keyWhere(table)}`,
  ).run(
    toSql(value),
    ...(table.hasStamp ? [stamp.at, stamp.actor] : []),
    ...keyValues(table, rowId),
  );
}

export function insertRow(
  sqlite: Database.Database,
  table: SyncTable,
  values: Record<string, unknown>,
): void {
  const columns = table.columns.filter((c) => c in values);
  statement(
    sqlite,
    `INSERT INTO main.${q(table.name)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...columns.map((c) => toSql(values[c])));
}

export function deleteRow(sqlite: Database.Database, table: SyncTable, rowId: string): void {
  statement(sqlite, `DELETE FROM main.${q(table.name)} WHERE ${keyWhere(table)}`).run(
    ...keyValues(table, rowId),
  );
}

/** JSON values back to what SQLite stores (booleans are integers there). */
function toSql(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
