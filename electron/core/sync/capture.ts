import type Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { quoteIdent as q, rowIdSql, syncTables, type SyncTable } from './tables';

/** Per connection: who is writing, whether writes are logged, and the replica's counter. */
interface CaptureState {
  replica: string;
  counter: number;
  capturing: boolean;
  actor: string | null;
  at: string | null;
}

const states = new WeakMap<Database.Database, CaptureState>();

const lit = (value: string) => `'${value.replaceAll("'", "''")}'`;

const CHANGE_COLUMNS =
  'id, replica, counter, engagement_id, tbl, row_id, field, op, value_json, parents_json, actor, at';

function rowObject(table: SyncTable, row: string): string {
  return `json_object(${table.columns.map((c) => `${lit(c)}, ${row}.${q(c)}`).join(', ')})`;
}

/** The values of one new change row, counter drawn when (and only when) the row is written. */
function changeSelect(replica: string, table: SyncTable, parts: ChangeParts): string {
  const r = lit(replica);
  const counter = `(SELECT CAST(assay_sync_counter() AS INTEGER) AS n${parts.when ? ` WHERE ${parts.when}` : ''})`;
  return (
    `INSERT INTO sync_changes (${CHANGE_COLUMNS}) SELECT ${r} || ':' || n, ${r}, n, ${parts.scope}, ` +
    `${lit(table.name)}, ${parts.rowId}, ${lit(parts.field)}, ${lit(parts.op)}, ${parts.value}, ${parts.parents}, ` +
    `${parts.actor}, ${parts.at} FROM ${parts.source ? `${parts.source}, ${counter} WHERE b.rowid = @r` : counter};`
  );
}

interface ChangeParts {
  scope: string;
  rowId: string;
  field: string;
  op: string;
  value: string;
  parents: string;
  actor: string;
  at: string;
  /** Only when this holds is a change written (and a counter drawn). */
  when?: string;
  /** The baseline reads rows from the table itself (as `b`, one rowid at a time). */
  source?: string;
}

function setHead(
  table: SyncTable,
  rowId: string,
  field: string,
  when?: string,
  source?: string,
): string {
  const from = source ? ` FROM ${source} WHERE b.rowid = @r` : ` WHERE ${when ?? 'true'}`;
  // An upsert, not INSERT OR REPLACE: inside a trigger, the conflict policy of the statement that
  // fired it (an upsert of a response, say) overrides OR REPLACE, and the second save of a row
  // failed on the head it had already.
  return (
    `INSERT INTO sync_heads (tbl, row_id, field, change_id) SELECT ${lit(table.name)}, ${rowId}, ` +
    `${lit(field)}, assay_sync_last_id()${from} ` +
    `ON CONFLICT (tbl, row_id, field) DO UPDATE SET change_id = excluded.change_id;`
  );
}

const actorOf = (table: SyncTable, row: string) =>
  table.hasStamp
    ? `coalesce(${row}.updated_by, assay_sync_actor(), 'system')`
    : `coalesce(assay_sync_actor(), 'system')`;
const atOf = (table: SyncTable, row: string) =>
  table.hasStamp ? `coalesce(${row}.updated_at, assay_sync_at())` : 'assay_sync_at()';

/** The statements that log a row's creation; used by the insert trigger and the baseline. */
function createStatements(
  replica: string,
  table: SyncTable,
  row: string,
  source?: string,
): string[] {
  const rowId = rowIdSql(table, row);
  return [
    changeSelect(replica, table, {
      scope: table.scope(row),
      rowId,
      field: '',
      op: 'create',
      value: rowObject(table, row),
      parents: `'[]'`,
      actor: actorOf(table, row),
      at: atOf(table, row),
      source,
    }),
    setHead(table, rowId, '', undefined, source),
  ];
}

function headOf(table: SyncTable, rowId: string, field: string): string {
  return `(SELECT change_id FROM sync_heads WHERE tbl = ${lit(table.name)} AND row_id = ${rowId} AND field = ${lit(field)})`;
}

/**
 * A save that changes no field but the edit stamp (a "touch") is logged as a set of updated_at,
 * so a copy made by replaying the log has the same stamps; merged last-writer-wins, never a conflict.
 */
function touchStatement(replica: string, table: SyncTable): string[] {
  if (!table.hasStamp) return [];
  const rowId = rowIdSql(table, 'NEW');
  const unchanged = table.fields.map((f) => `OLD.${q(f)} IS NEW.${q(f)}`);
  const when = ['OLD.updated_at IS NOT NEW.updated_at', ...unchanged].join(' AND ');
  return [
    changeSelect(replica, table, {
      scope: table.scope('NEW'),
      rowId,
      field: 'updated_at',
      op: 'set',
      value: 'json_quote(NEW.updated_at)',
      parents: `'[]'`,
      actor: actorOf(table, 'NEW'),
      at: atOf(table, 'NEW'),
      when,
    }),
  ];
}

function updateStatements(replica: string, table: SyncTable): string[] {
  const rowId = rowIdSql(table, 'NEW');
  return [
    ...touchStatement(replica, table),
    ...table.fields.flatMap((field) => {
      const when = `OLD.${q(field)} IS NOT NEW.${q(field)}`;
      const parent = `coalesce(${headOf(table, rowId, field)}, ${headOf(table, rowId, '')})`;
      return [
        changeSelect(replica, table, {
          scope: table.scope('NEW'),
          rowId,
          field,
          op: 'set',
          value: `json_quote(NEW.${q(field)})`,
          parents: `CASE WHEN ${parent} IS NULL THEN '[]' ELSE json_array(${parent}) END`,
          actor: actorOf(table, 'NEW'),
          at: atOf(table, 'NEW'),
          when,
        }),
        setHead(table, rowId, field, when),
      ];
    }),
  ];
}

function deleteStatements(replica: string, table: SyncTable): string[] {
  const rowId = rowIdSql(table, 'OLD');
  const known = `(SELECT engagement_id FROM sync_changes WHERE tbl = ${lit(table.name)} AND row_id = ${rowId} AND engagement_id IS NOT NULL LIMIT 1)`;
  return [
    changeSelect(replica, table, {
      // A cascade may have removed the parent first: the row's own history still knows its scope.
      scope: `coalesce(${table.scope('OLD')}, ${known})`,
      rowId,
      field: '',
      op: 'delete',
      value: rowObject(table, 'OLD'),
      parents: `(SELECT json_group_array(change_id) FROM sync_heads WHERE tbl = ${lit(table.name)} AND row_id = ${rowId})`,
      actor: `coalesce(assay_sync_actor(), 'system')`,
      at: 'assay_sync_at()',
    }),
    `DELETE FROM sync_heads WHERE tbl = ${lit(table.name)} AND row_id = ${rowId} AND field <> '';`,
    setHead(table, rowId, ''),
  ];
}

function triggerSql(replica: string, table: SyncTable): string[] {
  const name = (kind: string) => q(`sync_${table.name}_${kind}`);
  const on = `main.${q(table.name)} WHEN assay_sync_capturing()`;
  const body = (statements: string[]) => `BEGIN\n${statements.join('\n')}\nEND;`;
  const out = [
    `CREATE TEMP TRIGGER ${name('ins')} AFTER INSERT ON ${on} ${body(createStatements(replica, table, 'NEW'))}`,
    `CREATE TEMP TRIGGER ${name('del')} AFTER DELETE ON ${on} ${body(deleteStatements(replica, table))}`,
  ];
  if (table.fields.length > 0) {
    out.push(
      `CREATE TEMP TRIGGER ${name('upd')} AFTER UPDATE ON ${on} ${body(updateStatements(replica, table))}`,
    );
  }
  return out;
}

function ensureReplica(sqlite: Database.Database): { id: string; isNew: boolean } {
  const found: unknown = sqlite.prepare('SELECT id FROM sync_replica LIMIT 1').pluck().get();
  if (typeof found === 'string') return { id: found, isNew: false };
  const id = uuidv7();
  sqlite
    .prepare('INSERT INTO sync_replica (id, created_at) VALUES (?, ?)')
    .run(id, new Date().toISOString());
  return { id, isNew: true };
}

/**
 * Logs every row that is already there as a create by this replica, parents first, so a store
 * that had data before sync existed can be exchanged like any other. Runs once, with the replica.
 */
function baseline(sqlite: Database.Database, replica: string): void {
  for (const table of syncTables()) {
    const rows = sqlite
      .prepare(`SELECT rowid AS r FROM main.${q(table.name)} ORDER BY rowid`)
      .pluck()
      .all();
    if (rows.length === 0) continue;
    const [change, head] = createStatements(replica, table, 'b', `main.${q(table.name)} AS b`).map(
      (statement) => sqlite.prepare(statement),
    );
    for (const r of rows) {
      change!.run({ r });
      head!.run({ r });
    }
  }
}

/**
 * Makes every write on this connection to an engagement-scoped table log its field changes in
 * the same transaction (see DESIGN.md). Call once per connection after migrations.
 */
export function installCapture(sqlite: Database.Database): { replica: string } | null {
  // A store on an older schema (a test of an earlier release's migrations) has nothing to log into.
  const ready = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_replica'")
    .get();
  if (!ready) return null;
  const state: CaptureState = { replica: '', counter: 0, capturing: true, actor: null, at: null };
  sqlite.function('assay_sync_capturing', { deterministic: false }, () =>
    state.capturing ? 1 : 0,
  );
  sqlite.function('assay_sync_actor', { deterministic: false }, () => state.actor);
  sqlite.function(
    'assay_sync_at',
    { deterministic: false },
    () => state.at ?? new Date().toISOString(),
  );
  sqlite.function('assay_sync_counter', { deterministic: false }, () => ++state.counter);
  sqlite.function(
    'assay_sync_last_id',
    { deterministic: false },
    () => `${state.replica}:${state.counter}`,
  );
  sqlite
    .transaction(() => {
      const replica = ensureReplica(sqlite);
      state.replica = replica.id;
      state.counter = ownCounter(sqlite, replica.id);
      if (replica.isNew) baseline(sqlite, replica.id);
      const existing = sqlite
        .prepare(
          `SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'`,
        )
        .pluck()
        .all()
        .filter((name) => typeof name === 'string');
      for (const name of existing) sqlite.exec(`DROP TRIGGER temp.${q(name)}`);
      for (const table of syncTables())
        for (const sql of triggerSql(replica.id, table)) sqlite.exec(sql);
    })
    .immediate();
  states.set(sqlite, state);
  return { replica: state.replica };
}

function stateOf(sqlite: Database.Database): CaptureState {
  const state = states.get(sqlite);
  if (!state) throw new Error('Change capture is not installed on this connection.');
  return state;
}

export function replicaOf(sqlite: Database.Database): string {
  return stateOf(sqlite).replica;
}

/** Runs `fn` with the writes it makes logged as `actor`'s (a command's transaction). */
export function asActor<T>(sqlite: Database.Database, actor: string, at: string, fn: () => T): T {
  const state = states.get(sqlite);
  if (!state) return fn();
  const before = { actor: state.actor, at: state.at };
  state.actor = actor;
  state.at = at;
  try {
    return fn();
  } finally {
    state.actor = before.actor;
    state.at = before.at;
  }
}

/** Runs `fn` with capture off: the applier writes incoming changes' rows itself. */
export function withoutCapture<T>(sqlite: Database.Database, fn: () => T): T {
  const state = stateOf(sqlite);
  const before = state.capturing;
  state.capturing = false;
  try {
    return fn();
  } finally {
    state.capturing = before;
  }
}

/** The next change id of this replica (for changes the applier writes: merges, renumbering). */
export function nextChangeId(sqlite: Database.Database): {
  id: string;
  replica: string;
  counter: number;
} {
  const state = stateOf(sqlite);
  state.counter += 1;
  return {
    id: `${state.replica}:${state.counter}`,
    replica: state.replica,
    counter: state.counter,
  };
}

/**
 * Brings the counter in line with the log: after a rollback (numbers drawn for nothing) or an
 * import that brought back this replica's own changes.
 */
export function syncCounter(sqlite: Database.Database): void {
  const state = stateOf(sqlite);
  state.counter = ownCounter(sqlite, state.replica);
}

/** The highest counter of `replica` in the log (0 when it made nothing yet). */
export function ownCounter(sqlite: Database.Database, replica: string): number {
  const n: unknown = sqlite
    .prepare('SELECT coalesce(max(counter), 0) FROM sync_changes WHERE replica = ?')
    .pluck()
    .get(replica);
  return typeof n === 'number' ? n : 0;
}

/** Runs `fn` with capture on again inside an apply or a resolution (cascades must be logged). */
export function withCapture<T>(
  sqlite: Database.Database,
  actor: string,
  at: string,
  fn: () => T,
): T {
  const state = stateOf(sqlite);
  const before = state.capturing;
  state.capturing = true;
  try {
    return asActor(sqlite, actor, at, fn);
  } finally {
    state.capturing = before;
  }
}
