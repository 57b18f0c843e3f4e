import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { SQLiteTable as SQLiteTableClass } from 'drizzle-orm/sqlite-core';
import { schema } from '../db';

/** The edit stamp: carried by the change itself (at, actor) and by a create, never a field change. */
const STAMP = new Set(['created_at', 'updated_at', 'updated_by']);

/** What sync needs to know about one engagement-scoped table, read from the drizzle schema. */
export interface SyncTable {
  name: string;
  /** Every SQL column, in schema order. */
  columns: string[];
  /** The columns whose changes are logged one by one (not the key, not the edit stamp). */
  fields: string[];
  /** The row's identity: ['id'], or the unique key of a link table. */
  key: string[];
  hasStamp: boolean;
  /** SQL giving the row's engagement id from a row reference (NEW, OLD or an alias). */
  scope(row: string): string;
  /** Foreign keys to other synced tables: a row here depends on the row there. */
  parents: { column: string; table: string; foreignColumn: string }[];
  /** Unique column sets other than the key (a clash means "the same record under another id"). */
  uniques: string[][];
  /** A human reference column unique within `within` (findings.ref, risks.ref). */
  ref: { column: string; within: string[] } | null;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const quoteIdent = q;

interface RawTable {
  name: string;
  config: ReturnType<typeof getTableConfig>;
}

function rawTables(): RawTable[] {
  const values: unknown[] = Object.values(schema);
  return values
    .filter((value): value is SQLiteTable => is(value, SQLiteTableClass))
    .map((table) => ({ name: getTableConfig(table).name, config: getTableConfig(table) }));
}

function foreignKeys(config: RawTable['config']) {
  return config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    return {
      columns: ref.columns.map((c) => c.name),
      table: getTableConfig(ref.foreignTable).name,
      foreignColumns: ref.foreignColumns.map((c) => c.name),
      notNull: ref.columns.every((c) => c.notNull),
    };
  });
}

/** Builds the scope SQL for every table that reaches `engagements` through foreign keys. */
function scopeBuilders(tables: RawTable[]): Map<string, (row: string, depth: number) => string> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const built = new Map<string, ((row: string, depth: number) => string) | null>();
  const visit = (
    name: string,
    stack: Set<string>,
  ): ((row: string, depth: number) => string) | null => {
    if (built.has(name)) return built.get(name) ?? null;
    if (name === 'engagements') {
      const own = (row: string) => `${row}.${q('id')}`;
      built.set(name, own);
      return own;
    }
    const table = byName.get(name);
    if (!table || stack.has(name)) return null;
    stack.add(name);
    // Not-null foreign keys first: they always lead somewhere.
    const fks = foreignKeys(table.config)
      .filter((fk) => fk.columns.length === 1)
      .sort((a, b) => Number(b.notNull) - Number(a.notNull));
    let result: ((row: string, depth: number) => string) | null = null;
    for (const fk of fks) {
      if (fk.table === 'engagements') {
        result = (row) => `${row}.${q(fk.columns[0]!)}`;
        break;
      }
      const parent = visit(fk.table, stack);
      if (parent) {
        result = (row, depth) => {
          const alias = `p${depth}`;
          return `(SELECT ${parent(alias, depth + 1)} FROM main.${q(fk.table)} AS ${alias} WHERE ${alias}.${q(fk.foreignColumns[0]!)} = ${row}.${q(fk.columns[0]!)})`;
        };
        break;
      }
    }
    stack.delete(name);
    built.set(name, result);
    return result;
  };
  const out = new Map<string, (row: string, depth: number) => string>();
  for (const table of tables) {
    if (table.name.startsWith('sync_')) continue;
    const builder = visit(table.name, new Set());
    if (builder) out.set(table.name, builder);
  }
  return out;
}

function describe(
  table: RawTable,
  scope: (row: string, depth: number) => string,
  synced: Set<string>,
): SyncTable {
  const { config } = table;
  const columns = config.columns.map((c) => c.name);
  const primary = config.columns.filter((c) => c.primary).map((c) => c.name);
  const uniqueIndexes = config.indexes
    .filter((i) => i.config.unique)
    .map((i) => i.config.columns.map((c) => ('name' in c ? String(c.name) : '')));
  const uniqueColumns = config.columns.filter((c) => c.isUnique && !c.primary).map((c) => [c.name]);
  const key = primary.length > 0 ? primary : (uniqueIndexes[0] ?? columns);
  const uniques = [...uniqueIndexes, ...uniqueColumns].filter(
    (cols) => cols.join() !== key.join() && !cols.includes('ref'),
  );
  const refIndex = uniqueIndexes.find((cols) => cols.includes('ref'));
  return {
    name: table.name,
    columns,
    fields: columns.filter((c) => !key.includes(c) && !STAMP.has(c)),
    key,
    hasStamp: columns.includes('updated_at') && columns.includes('updated_by'),
    scope: (row) => scope(row, 1),
    parents: foreignKeys(config)
      .filter((fk) => fk.columns.length === 1 && synced.has(fk.table))
      .map((fk) => ({
        column: fk.columns[0]!,
        table: fk.table,
        foreignColumn: fk.foreignColumns[0]!,
      })),
    uniques,
    ref: refIndex ? { column: 'ref', within: refIndex.filter((c) => c !== 'ref') } : null,
  };
}

/** Parents before children, so a baseline logs rows in an order that can be replayed. */
function topological(tables: SyncTable[]): SyncTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: SyncTable[] = [];
  const visit = (t: SyncTable) => {
    if (done.has(t.name)) return;
    done.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p.table);
      if (parent) visit(parent);
    }
    out.push(t);
  };
  tables.forEach(visit);
  return out;
}

let cached: SyncTable[] | null = null;
let byName: Map<string, SyncTable> | null = null;

/** Every engagement-scoped table of the current schema, parents first. */
export function syncTables(): SyncTable[] {
  if (cached) return cached;
  const raw = rawTables();
  const scopes = scopeBuilders(raw);
  const synced = new Set(scopes.keys());
  cached = topological(
    raw.filter((t) => scopes.has(t.name)).map((t) => describe(t, scopes.get(t.name)!, synced)),
  );
  return cached;
}

export function syncTable(name: string): SyncTable | undefined {
  byName ??= new Map(syncTables().map((t) => [t.name, t]));
  return byName.get(name);
}

/** SQL for a row's id: the id column, or a JSON array of a link table's key columns. */
export function rowIdSql(table: SyncTable, row: string): string {
  if (table.key.length === 1) return `${row}.${q(table.key[0]!)}`;
  return `json_array(${table.key.map((c) => `${row}.${q(c)}`).join(', ')})`;
}

/** The key columns' values of a row id made by rowIdSql. */
export function keyValues(table: SyncTable, rowId: string): unknown[] {
  if (table.key.length === 1) return [rowId];
  const parsed: unknown = JSON.parse(rowId);
  if (!Array.isArray(parsed) || parsed.length !== table.key.length) {
    throw new Error(`Row id ${rowId} does not fit ${table.name}'s key.`);
  }
  return parsed;
}
