import type Database from 'better-sqlite3';
import { SqliteError } from 'better-sqlite3';
import type { Change } from './changeset';
import { SyncRefusal, type MergeContext, type Outcome } from './refusal';

export { SyncRefusal, type Outcome } from './refusal';
import {
  closeConflict,
  moveMine,
  openConflictOn,
  openConflictsOnRow,
  recordConflict,
  type ConflictKind,
} from './conflicts';
import { rowValues, sameValue, SyncLog, valueOf } from './log';
import { placeholderRef, refTaken, type PendingRef } from './refs';
import {
  deleteRow,
  hasChildRows,
  insertRow,
  readRow,
  rowsOutsideScope,
  scopeOfRow,
  stampRow,
  statement,
  writeField,
  type Row,
} from './rows';
import { quoteIdent as q, syncTable, type SyncTable } from './tables';

/**
 * An insert refused by a key, unique or foreign-key constraint: the row is here already, clashes
 * with one, or its parent is missing — the careful path works out which.
 */
const constraintFailed = (error: unknown) =>
  error instanceof SqliteError &&
  (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY');

/** Applies incoming changes one by one, field by field (DESIGN.md "Applying a change set"). */
export class Merger {
  readonly log: SyncLog;
  readonly pendingRefs = new Map<string, PendingRef>();
  readonly conflicts = new Set<string>();
  readonly newBlobs = new Set<string>();
  aliases = 0;
  /** Remote row ids that are another id here (read once: a handful, looked up per parent). */
  private readonly aliasOf: Map<string, string>;
  private readonly addAlias: Database.Statement;
  /** Rows this import wrote, by table: all must belong to the engagement before it commits. */
  private readonly touched = new Map<SyncTable, Set<string>>();

  constructor(
    readonly sqlite: Database.Database,
    readonly ctx: MergeContext,
  ) {
    this.log = new SyncLog(sqlite);
    this.aliasOf = new Map(
      this.log.aliases().map((a) => [`${a.tbl}\u0000${a.remoteRowId}`, a.localRowId] as const),
    );
    this.addAlias = statement(
      sqlite,
      'INSERT OR REPLACE INTO sync_aliases (tbl, remote_row_id, local_row_id) VALUES (?, ?, ?)',
    );
  }

  localRowId(tbl: string, rowId: string): string {
    // Nearly always no alias at all: no key to build for each of tens of thousands of changes.
    if (this.aliasOf.size === 0) return rowId;
    return this.aliasOf.get(`${tbl}\u0000${rowId}`) ?? rowId;
  }

  private markTouched(table: SyncTable, rowId: string): void {
    let rows = this.touched.get(table);
    if (!rows) this.touched.set(table, (rows = new Set()));
    rows.add(rowId);
  }

  /**
   * A file never reaches another engagement: every row it created or changed must hang under the
   * file's engagement when it is done (one query per table, before the import commits).
   */
  checkTouched(): void {
    for (const [table, rows] of this.touched) {
      if (rowsOutsideScope(this.sqlite, table, [...rows], this.ctx.engagementId)) {
        throw new SyncRefusal(
          'FOREIGN',
          `The file changes a record (${table.name}) of another engagement.`,
        );
      }
    }
  }

  apply(change: Change): Outcome {
    const table = syncTable(change.tbl);
    if (!table)
      throw new SyncRefusal(
        'NEWER',
        `The file holds records of "${change.tbl}", which this Assay does not know.`,
      );
    const rowId = this.localRowId(change.tbl, change.rowId);
    let outcome: Outcome;
    if (change.op === 'create') outcome = this.create(table, rowId, change);
    else if (change.field === '') outcome = this.rowLevel(table, rowId, change);
    else outcome = this.set(table, rowId, change);
    this.log.record(change);
    return outcome;
  }

  private conflict(
    table: SyncTable,
    rowId: string,
    field: string,
    kind: ConflictKind,
    mine: string,
    theirs: string,
  ): Outcome {
    const id = recordConflict(this.sqlite, {
      id: this.ctx.newId(),
      engagementId: this.ctx.engagementId,
      tbl: table.name,
      rowId,
      field,
      kind,
      mineChangeId: mine,
      theirsChangeId: theirs,
      at: this.ctx.now,
    });
    this.conflicts.add(id);
    return 'conflict';
  }

  /** A row touched by the file must belong to the file's engagement: a file never reaches others. */
  private checkScope(table: SyncTable, rowId: string): void {
    const scope = scopeOfRow(this.sqlite, table, rowId);
    if (scope !== undefined && scope !== this.ctx.engagementId) {
      throw new SyncRefusal(
        'FOREIGN',
        `The file changes a record (${table.name} ${rowId}) of another engagement.`,
      );
    }
  }

  private create(table: SyncTable, rowId: string, change: Change): Outcome {
    const values = rowValues(change);
    if (values === null) {
      throw new SyncRefusal('TAMPERED', `Change ${change.id} creates a record without its values.`);
    }
    const unknown = Object.keys(values).filter((c) => !table.columns.includes(c));
    if (unknown.length > 0) {
      throw new SyncRefusal(
        'NEWER',
        `The file's ${table.name} have fields this Assay does not know (${unknown.join(', ')}).`,
      );
    }
    for (const parent of table.parents) {
      const value = values[parent.column];
      if (typeof value === 'string') values[parent.column] = this.localRowId(parent.table, value);
    }
    // Nearly every create is a new row whose parents are here: inserted straight away. The
    // constraints turn away the rest (here already, a clash, a parent missing) to the careful path.
    // Evidence also needs its stored object first, so it always takes the careful path.
    if (table.name !== 'evidence_items' && this.tryInsert(table, values)) {
      this.created(table, rowId, change);
      return 'applied';
    }
    if (readRow(this.sqlite, table, rowId)) {
      this.checkScope(table, rowId);
      return 'same';
    }
    const missingParent = this.missingParent(table, rowId, values);
    if (missingParent) return missingParent(change.id);
    const clash = this.naturalClash(table, values);
    if (clash !== undefined) return this.alias(table, change, clash, values);
    if (table.ref) {
      const ref = values[table.ref.column];
      if (typeof ref === 'string' && refTaken(this.sqlite, table, values, ref)) {
        values[table.ref.column] = placeholderRef(ref, rowId);
        this.pendingRefs.set(`${table.name}\u0000${rowId}`, { table, rowId, ref });
      }
    }
    if (table.name === 'evidence_items') this.ensureBlob(String(values.sha256));
    insertRow(this.sqlite, table, values);
    this.created(table, rowId, change);
    return 'applied';
  }

  private tryInsert(table: SyncTable, values: Row): boolean {
    try {
      insertRow(this.sqlite, table, values);
      return true;
    } catch (error) {
      // The failed statement alone is undone; the transaction goes on.
      if (constraintFailed(error)) return false;
      throw error;
    }
  }

  private created(table: SyncTable, rowId: string, change: Change): void {
    this.markTouched(table, rowId);
    this.log.setHead(table.name, rowId, '', change.id);
  }

  /**
   * A parent deleted here (or itself held back) while the other side added beneath it: edit
   * against delete, recorded on the new row, which waits until someone decides.
   */
  private missingParent(
    table: SyncTable,
    rowId: string,
    values: Record<string, unknown>,
  ): ((theirs: string) => Outcome) | null {
    for (const parent of table.parents) {
      const value = values[parent.column];
      if (value === null || value === undefined) continue;
      const parentTable = syncTable(parent.table)!;
      const parentId = String(value);
      if (readRow(this.sqlite, parentTable, parentId)) continue;
      const root =
        this.log.deletedHere(parent.table, parentId)?.id ??
        openConflictOn(this.sqlite, parent.table, parentId, '')?.mineChangeId;
      if (!root) {
        throw new SyncRefusal(
          'MISSING',
          `The file's ${table.name} refers to a ${parent.table} record that is in neither store.`,
        );
      }
      return (theirs) => this.conflict(table, rowId, '', 'delete-edit', root, theirs);
    }
    return null;
  }

  private naturalClash(table: SyncTable, values: Record<string, unknown>): string | undefined {
    for (const columns of table.uniques) {
      if (columns.some((c) => values[c] === null || values[c] === undefined)) continue;
      const found: unknown = statement(
        this.sqlite,
        `SELECT ${q(table.key[0]!)} FROM main.${q(table.name)} WHERE ${columns.map((c) => `${q(c)} = ?`).join(' AND ')}`,
      )
        .pluck()
        .get(...columns.map((c) => values[c]));
      if (found !== undefined) return String(found);
    }
    return undefined;
  }

  /** The same record made on both sides under two ids: theirs becomes ours, differences conflict. */
  private alias(
    table: SyncTable,
    change: Change,
    localId: string,
    values: Record<string, unknown>,
  ): Outcome {
    this.checkScope(table, localId);
    this.addAlias.run(table.name, change.rowId, localId);
    this.aliases += 1;
    const local = readRow(this.sqlite, table, localId)!;
    let outcome: Outcome = 'same';
    for (const field of table.fields) {
      if (sameValue(local[field], values[field])) continue;
      const mine = this.log.fieldHead(table.name, localId, field);
      if (mine) outcome = this.conflict(table, localId, field, 'field', mine, change.id);
    }
    return outcome;
  }

  private ensureBlob(sha256: string): void {
    const exists = statement(this.sqlite, 'SELECT 1 FROM evidence_blobs WHERE sha256 = ?').get(
      sha256,
    );
    if (exists) return;
    const blob = this.ctx.blobs.get(sha256);
    if (!blob)
      throw new SyncRefusal(
        'MISSING',
        `The file's evidence ${sha256.slice(0, 12)}… has no stored object.`,
      );
    statement(
      this.sqlite,
      'INSERT INTO evidence_blobs (sha256, size, stored_at) VALUES (?, ?, ?)',
    ).run(blob.sha256, blob.size, blob.storedAt);
    this.newBlobs.add(sha256);
  }

  /** The value the merge compares: a reference waiting for its number counts as the one it had. */
  private currentValue(
    table: SyncTable,
    rowId: string,
    field: string,
    row: Record<string, unknown>,
  ): unknown {
    const pending = this.pendingRefs.get(`${table.name}\u0000${rowId}`);
    if (pending && field === table.ref?.column && row[field] === placeholderRef(pending.ref, rowId))
      return pending.ref;
    return row[field];
  }

  private set(table: SyncTable, rowId: string, change: Change): Outcome {
    const { field } = change;
    if (field === 'updated_at' && table.hasStamp) return this.touch(table, rowId, change);
    if (!table.fields.includes(field)) {
      throw new SyncRefusal(
        'NEWER',
        `The file changes ${table.name}.${field}, which this Assay does not know.`,
      );
    }
    const deleted = this.log.deletedHere(table.name, rowId);
    if (deleted) return this.conflict(table, rowId, '', 'delete-edit', deleted.id, change.id);
    // A row held back (its parent was deleted here): its edits wait with it.
    if (openConflictOn(this.sqlite, table.name, rowId, '')?.kind === 'delete-edit')
      return 'conflict';
    const row = readRow(this.sqlite, table, rowId);
    if (!row)
      throw new SyncRefusal(
        'MISSING',
        `The file changes a ${table.name} record that is in neither store.`,
      );
    this.checkScope(table, rowId);
    const head = this.log.fieldHead(table.name, rowId, field);
    const mine = this.currentValue(table, rowId, field, row);
    const theirs = valueOf(change, field);
    const builtOnMine = head !== null && this.log.descendsFrom(change.parents, head);
    if (!builtOnMine) {
      if (sameValue(mine, theirs)) return this.settle(table, rowId, field, change, 'same');
      const ancestor = head ? this.log.commonAncestor(head, change.parents) : null;
      const base = ancestor ? valueOf(ancestor, field) : undefined;
      const onlyTheyChanged = ancestor !== null && sameValue(base, mine);
      if (!onlyTheyChanged) {
        if (ancestor !== null && sameValue(base, theirs))
          return this.settle(table, rowId, field, change, 'kept');
        return this.conflict(table, rowId, field, 'field', head ?? change.id, change.id);
      }
    }
    writeField(this.sqlite, table, rowId, field, theirs, change);
    this.markTouched(table, rowId);
    // A new reference settles one still waiting for its number; any other field leaves it waiting.
    if (field === table.ref?.column) this.pendingRefs.delete(`${table.name}\u0000${rowId}`);
    this.log.setHead(table.name, rowId, field, change.id);
    const open = openConflictOn(this.sqlite, table.name, rowId, field);
    if (open) {
      if (this.log.descendsFrom(change.parents, open.theirsChangeId)) {
        closeConflict(this.sqlite, open.id, {
          changeId: change.id,
          at: this.ctx.now,
          actor: change.actor,
        });
      } else moveMine(this.sqlite, open.id, change.id);
    }
    return 'applied';
  }

  /** A save that changed only the edit stamp: the later one wins, never a conflict. */
  private touch(table: SyncTable, rowId: string, change: Change): Outcome {
    const row = readRow(this.sqlite, table, rowId);
    if (!row) return 'same';
    this.checkScope(table, rowId);
    if (String(row.updated_at ?? '') >= change.at) return 'same';
    stampRow(this.sqlite, table, rowId, change);
    return 'applied';
  }

  /**
   * An incoming change that leaves our value as it is (it agrees with it, or only undoes their
   * own edit): an open conflict it builds on has nothing left to decide.
   */
  private settle(
    table: SyncTable,
    rowId: string,
    field: string,
    change: Change,
    outcome: Outcome,
  ): Outcome {
    const open = openConflictOn(this.sqlite, table.name, rowId, field);
    if (open && this.log.descendsFrom(change.parents, open.theirsChangeId)) {
      closeConflict(this.sqlite, open.id, {
        changeId: change.id,
        at: this.ctx.now,
        actor: change.actor,
      });
    }
    return outcome;
  }

  /** Heads of the row this change has not seen, and whether rows here still hang beneath it. */
  private unseen(table: SyncTable, rowId: string, change: Change): string[] {
    const heads = this.log
      .rowHeads(table.name, rowId)
      .map((h) => h.id)
      .filter((id) => !this.log.descendsFrom(change.parents, id));
    const removes = change.op === 'delete' || change.valueJson === null;
    if (removes && table.key.length === 1 && hasChildRows(this.sqlite, table, rowId))
      heads.push('children');
    return heads;
  }

  /** A delete, or a resolution that keeps or removes the whole row. */
  private rowLevel(table: SyncTable, rowId: string, change: Change): Outcome {
    const removes = change.op === 'delete' || change.valueJson === null;
    const row = readRow(this.sqlite, table, rowId);
    if (row) this.checkScope(table, rowId);
    if (removes && !row) {
      if (openConflictOn(this.sqlite, table.name, rowId, '')?.kind === 'delete-edit')
        return 'conflict';
      this.log.setRowHead(table.name, rowId, change.id);
      return 'same';
    }
    const unseen = this.unseen(table, rowId, change);
    if (unseen.length > 0) {
      const mine =
        unseen.find((id) => id !== 'children') ??
        this.log.headOf(table.name, rowId, '') ??
        change.id;
      return this.conflict(
        table,
        rowId,
        '',
        removes ? 'edit-delete' : 'delete-edit',
        mine,
        change.id,
      );
    }
    if (removes) deleteRow(this.sqlite, table, rowId);
    else {
      const values = rowValues(change)!;
      if (row)
        for (const field of table.fields)
          writeField(this.sqlite, table, rowId, field, values[field], change);
      else insertRow(this.sqlite, table, values);
      this.markTouched(table, rowId);
    }
    this.log.setRowHead(table.name, rowId, change.id);
    for (const open of openConflictsOnRow(this.sqlite, table.name, rowId)) {
      closeConflict(this.sqlite, open.id, {
        changeId: change.id,
        at: this.ctx.now,
        actor: change.actor,
      });
    }
    return 'applied';
  }
}
