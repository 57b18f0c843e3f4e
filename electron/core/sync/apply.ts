import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { appendAudit, appendForeignAudit, foreignRowIntact } from '../audit';
import { schema } from '../db';
import { nextChangeId, replicaOf, syncCounter, withoutCapture } from './capture';
import type { ChangeSet } from './changeset';
import { readRow, writeField } from './log';
import { Merger, SyncRefusal, type Outcome } from './merger';
import { nextFreeRef, refTaken, type Renumbered } from './refs';

export interface ApplyOptions {
  actor: string;
  now: string;
  newId: () => string;
  /** Work it all out, report it, and keep nothing. */
  dryRun?: boolean;
}

export interface ApplyReport {
  sender: string;
  engagementId: string;
  /** The engagement was not here before: the import recreated it. */
  engagementIsNew: boolean;
  changes: { total: number; alreadyKnown: number } & Record<Outcome, number>;
  /** Ids of the conflicts this import opened or moved on (open ones left to decide). */
  conflicts: string[];
  renumbered: Renumbered[];
  /** Incoming records that are the same as one here under another id (same requirement answered). */
  aliases: number;
  auditImported: number;
  /** Evidence objects this directory did not hold before. */
  newBlobs: string[];
  dryRun: boolean;
}

class DryRunDone extends Error {
  constructor(readonly report: ApplyReport) {
    super('dry run');
  }
}

/** Refuses, before anything is written, a set whose audit rows do not hash as their chain says. */
function checkAudit(set: ChangeSet): void {
  for (const row of set.audit) {
    if (!foreignRowIntact(row)) {
      throw new SyncRefusal(
        'TAMPERED',
        `An audit row of the file (${row.action} at ${row.at}) does not match its hash.`,
      );
    }
  }
  for (const change of set.changes) {
    if (change.id !== `${change.replica}:${change.counter}`) {
      throw new SyncRefusal(
        'TAMPERED',
        `Change ${change.id.slice(0, 60)} does not carry its own name.`,
      );
    }
    if (change.engagementId !== null && change.engagementId !== set.engagementId) {
      throw new SyncRefusal(
        'FOREIGN',
        'The file holds changes of another engagement than the one it names.',
      );
    }
  }
}

/** Gives every reference that waited for its number the one it had, or the next free one. */
function settleRefs(
  sqlite: Database.Database,
  merger: Merger,
  set: ChangeSet,
  options: ApplyOptions,
): Renumbered[] {
  const out: Renumbered[] = [];
  for (const pending of merger.pendingRefs.values()) {
    const { table, rowId, ref } = pending;
    const row = readRow(sqlite, table, rowId);
    if (!row) continue;
    const column = table.ref!.column;
    const stamp = { at: options.now, actor: options.actor };
    if (!refTaken(sqlite, table, row, ref, rowId)) {
      writeField(sqlite, table, rowId, column, ref, {
        at: String(row.updated_at ?? options.now),
        actor: String(row.updated_by ?? options.actor),
      });
      continue;
    }
    const to = nextFreeRef(sqlite, table, row, ref);
    writeField(sqlite, table, rowId, column, to, stamp);
    // The new number is this directory's change: it travels back so both sides show the same.
    const next = nextChangeId(sqlite);
    const parent = merger.log.fieldHead(table.name, rowId, column);
    merger.log.record({
      id: next.id,
      replica: next.replica,
      counter: next.counter,
      engagementId: set.engagementId,
      tbl: table.name,
      rowId,
      field: column,
      op: 'set',
      valueJson: JSON.stringify(to),
      parents: parent ? [parent] : [],
      actor: options.actor,
      at: options.now,
    });
    merger.log.setHead(table.name, rowId, column, next.id);
    sqlite
      .prepare(
        'INSERT INTO sync_ref_changes (id, engagement_id, tbl, row_id, from_ref, to_ref, at, sender) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(options.newId(), set.engagementId, table.name, rowId, ref, to, options.now, set.replica);
    out.push({ tbl: table.name, rowId, from: ref, to });
  }
  return out;
}

/** Keeps the sender's audit rows this trail does not have yet, each naming where it came from. */
function importAudit(sqlite: Database.Database, set: ChangeSet): number {
  const db = drizzle({ client: sqlite, schema });
  const mine = replicaOf(sqlite);
  const have = sqlite.prepare(
    'SELECT 1 FROM audit_log WHERE origin_hash = ? AND origin_replica = ? LIMIT 1',
  );
  let imported = 0;
  for (const row of set.audit) {
    const origin = { replica: row.originReplica ?? set.replica, hash: row.originHash ?? row.hash };
    if (origin.replica === mine || have.get(origin.hash, origin.replica)) continue;
    appendForeignAudit(db, row, origin);
    imported += 1;
  }
  return imported;
}

/**
 * Applies a change set in one transaction (DESIGN.md): everything or nothing. A refusal
 * (SyncRefusal) leaves the store as it was; a dry run reports and keeps nothing.
 */
export function applyChangeSet(
  sqlite: Database.Database,
  set: ChangeSet,
  options: ApplyOptions,
): ApplyReport {
  checkAudit(set);
  const run = () => {
    const engagementIsNew = !sqlite
      .prepare('SELECT 1 FROM engagements WHERE id = ?')
      .get(set.engagementId);
    const merger = new Merger(sqlite, {
      engagementId: set.engagementId,
      now: options.now,
      newId: options.newId,
      blobs: new Map(set.blobs.map((b) => [b.sha256, b])),
    });
    const counts = {
      total: set.changes.length,
      alreadyKnown: 0,
      applied: 0,
      same: 0,
      kept: 0,
      conflict: 0,
    };
    // One read of what this directory already has of the engagement: most of a set is known.
    const known = new Set(
      sqlite
        .prepare('SELECT id FROM sync_changes WHERE engagement_id = ?')
        .pluck()
        .all(set.engagementId) as string[],
    );
    for (const change of set.changes) {
      // Changes of the engagement are all in `known`; only a change logged without one is looked up.
      const isKnown =
        known.has(change.id) || (change.engagementId === null && merger.log.known(change.id));
      if (isKnown) counts.alreadyKnown += 1;
      else {
        counts[merger.apply(change)] += 1;
        known.add(change.id);
      }
    }
    syncCounter(sqlite);
    const renumbered = settleRefs(sqlite, merger, set, options);
    const auditImported = importAudit(sqlite, set);
    const report: ApplyReport = {
      sender: set.replica,
      engagementId: set.engagementId,
      engagementIsNew,
      changes: counts,
      conflicts: [...merger.conflicts],
      renumbered,
      aliases: merger.aliases,
      auditImported,
      newBlobs: [...merger.newBlobs],
      dryRun: options.dryRun === true,
    };
    const changedSomething =
      counts.applied + counts.conflict + auditImported + renumbered.length > 0;
    if (changedSomething) {
      appendAudit(drizzle({ client: sqlite, schema }), options.now, options.actor, {
        action: 'exchange.import',
        entityType: 'engagement',
        entityId: set.engagementId,
        scopeId: set.engagementId,
        after: {
          sender: set.replica,
          applied: counts.applied,
          conflicts: report.conflicts.length,
          renumbered,
          auditImported,
          newBlobs: report.newBlobs.length,
        },
      });
    }
    if (options.dryRun) throw new DryRunDone(report);
    return report;
  };
  try {
    return withoutCapture(sqlite, () => sqlite.transaction(run).immediate());
  } catch (error) {
    if (error instanceof DryRunDone) {
      syncCounter(sqlite);
      return error.report;
    }
    syncCounter(sqlite);
    throw error;
  }
}
