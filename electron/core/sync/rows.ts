import type Database from 'better-sqlite3';
import { quoteIdent as q, keyValues, syncTables, type SyncTable } from './tables';

const rowStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection and SQL text (the applier runs the same few thousands of times). */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let map = rowStatements.get(sqlite);
  if (!map) rowStatements.set(sqlite, (map = new Map()));
  let prepared = map.get(sql);
  if (!prepared) map.set(sql, (prepared = sqlite.prepare(sql)));
  return prepared;
}

/**
 * The SQL that reads and writes one synced table's rows, written once per table: an import runs
 * it tens of thousands of times, and building the text each time cost more than running it.
 */
class TableSql {
  readonly select: string;
  readonly remove: string;
  readonly scope: string;
  readonly stamp: string;
  /** The insert of every column: what nearly every create carries. */
  readonly insertAll: string;
  private readonly updates = new Map<string, string>();
  private readonly inserts = new Map<string, string>();

  constructor(private readonly table: SyncTable) {
    const where = table.key.map((c) => `${q(c)} = ?`).join(' AND ');
    this.select = `SELECT * FROM main.${q(table.name)} WHERE ${where}`;
    this.remove = `DELETE FROM main.${q(table.name)} WHERE ${where}`;
    this.stamp = `UPDATE main.${q(table.name)} SET updated_at = ?, updated_by = ? WHERE ${where}`;
    this.insertAll = this.insertOf(table.columns);
    this.scope = `SELECT ${table.scope('r')} FROM main.${q(table.name)} AS r WHERE ${table.key.map((c) => `r.${q(c)} = ?`).join(' AND ')}`;
  }

  update(field: string): string {
    let sql = this.updates.get(field);
    if (!sql) {
      const { table } = this;
      const sets = [
        `${q(field)} = ?`,
        ...(table.hasStamp ? ['updated_at = ?', 'updated_by = ?'] : []),
      ];
      sql = `UPDATE main.${q(table.name)} SET ${sets.join(', ')} WHERE ${table.key.map((c) => `${q(c)} = ?`).join(' AND ')}`;
      this.updates.set(field, sql);
    }
    return sql;
  }

  /** The insert of the given columns (nearly always all of them: one text per table). */
  insert(columns: string[]): string {
    if (columns.length === this.table.columns.length) return this.insertAll;
    const id = columns.join('\u0000');
    let sql = this.inserts.get(id);
    if (!sql) this.inserts.set(id, (sql = this.insertOf(columns)));
    return sql;
  }

  private insertOf(columns: string[]): string {
    return `INSERT INTO main.${q(this.table.name)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  }
}

const sqlByTable = new WeakMap<SyncTable, TableSql>();

function sqlOf(table: SyncTable): TableSql {
  let sql = sqlByTable.get(table);
  if (!sql) sqlByTable.set(table, (sql = new TableSql(table)));
  return sql;
}

/** A row as SQLite answers `SELECT *`: column name to value. */
export type Row = Record<string, unknown>;
/** A JSON object (not an array, not null): what a row is. */
export const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The row as stored, or undefined. */
export function readRow(
  sqlite: Database.Database,
  table: SyncTable,
  rowId: string,
): Row | undefined {
  const row: unknown = statement(sqlite, sqlOf(table).select).get(...keyValues(table, rowId));
  return isRow(row) ? row : undefined;
}

/** The engagement a stored row belongs to (undefined when there is no such row). */
export function scopeOfRow(sqlite: Database.Database, table: SyncTable, rowId: string): unknown {
  return statement(sqlite, sqlOf(table).scope)
    .pluck()
    .get(...keyValues(table, rowId));
}

export function writeField(
  sqlite: Database.Database,
  table: SyncTable,
  rowId: string,
  field: string,
  value: unknown,
  stamp: { at: string; actor: string },
): void {
  statement(sqlite, sqlOf(table).update(field)).run(
    toSql(value),
    ...(table.hasStamp ? [stamp.at, stamp.actor] : []),
    ...keyValues(table, rowId),
  );
}

/** A save that changed only the edit stamp. */
export function stampRow(
  sqlite: Database.Database,
  table: SyncTable,
  rowId: string,
  stamp: { at: string; actor: string },
): void {
  statement(sqlite, sqlOf(table).stamp).run(stamp.at, stamp.actor, ...keyValues(table, rowId));
}

export function insertRow(sqlite: Database.Database, table: SyncTable, values: Row): void {
  const columns = table.columns.filter((c) => c in values);
  statement(sqlite, sqlOf(table).insert(columns)).run(...columns.map((c) => toSql(values[c])));
}

export function deleteRow(sqlite: Database.Database, table: SyncTable, rowId: string): void {
  statement(sqlite, sqlOf(table).remove).run(...keyValues(table, rowId));
}

/** Whether rows of another synced table still hang beneath this one (by a parent column). */
export function hasChildRows(sqlite: Database.Database, table: SyncTable, rowId: string): boolean {
  return syncTables().some((child) =>
    child.parents.some(
      (p) =>
        p.table === table.name &&
        statement(
          sqlite,
          `SELECT 1 FROM main.${q(child.name)} WHERE ${q(p.column)} = ? LIMIT 1`,
        ).get(rowId) !== undefined,
    ),
  );
}

/**
 * Whether any of these rows (by row id) is stored under another engagement than `engagementId`:
 * one query per table for a whole import, checked before it commits.
 */
export function rowsOutsideScope(
  sqlite: Database.Database,
  table: SyncTable,
  rowIds: string[],
  engagementId: string,
): boolean {
  const match =
    table.key.length === 1
      ? `r.${q(table.key[0]!)} = j.value`
      : table.key.map((c, i) => `r.${q(c)} = json_extract(j.value, '$[${i}]')`).join(' AND ');
  const found: unknown = statement(
    sqlite,
    `SELECT 1 FROM json_each(?) AS j JOIN main.${q(table.name)} AS r ON ${match}
      WHERE ${table.scope('r')} IS NOT ? LIMIT 1`,
  ).get(JSON.stringify(rowIds), engagementId);
  return found !== undefined;
}

/** JSON values back to what SQLite stores (booleans are integers there). */
function toSql(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
