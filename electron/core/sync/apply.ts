import type Database from 'better-sqlite3';
import { appendAudit, appendForeignAudit, foreignRowIntact } from '../audit';
import { nextChangeId, replicaOf, syncCounter, withoutCapture } from './capture';
import { conflictById } from './conflicts';
import { syncDb, type ChangeSet } from './changeset';
import { readRow, statement, writeField } from './rows';
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
  /** Ids of the conflicts this import opened or moved on that are still open: left to decide. */
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

/** Refuses, before anything is written, a set whose changes do not name themselves or its engagement. */
function checkChanges(set: ChangeSet): void {
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

/**
 * The changes of the set this directory does not have yet, in the sender's order: one query
 * (the ids go in as one JSON array), since most of a set is usually known already.
 */
function unknownChanges(sqlite: Database.Database, set: ChangeSet): ChangeSet['changes'] {
  const missing = statement(
    sqlite,
    `SELECT j.key FROM json_each(?) AS j
      WHERE NOT EXISTS (SELECT 1 FROM sync_changes AS c WHERE c.id = j.value) ORDER BY j.key`,
  )
    .pluck()
    .all(JSON.stringify(set.changes.map((c) => c.id)));
  const out: ChangeSet['changes'] = [];
  // The set may name a change twice (a hostile file): the first one counts, the rest are known.
  const seen = new Set<string>();
  const mine = replicaOf(sqlite);
  for (const index of missing) {
    const change = set.changes[Number(index)];
    if (!change || seen.has(change.id)) continue;
    if (change.replica === mine) {
      // Numbered as ours, yet never made here: another store shares this one's sync identity.
      throw new SyncRefusal(
        'FOREIGN',
        'The file holds changes numbered as this data directory’s own that it never made: it comes from a copy of this directory that kept its sync identity (a restored backup or a copied folder opened by an earlier Assay).',
      );
    }
    seen.add(change.id);
    out.push(change);
  }
  return out;
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

/**
 * Keeps the sender's audit rows this trail does not have yet, each naming where it came from. A
 * row is taken only when its hash matches its fields (refused otherwise); rows already here (by
 * origin) are skipped without being read further.
 */
function importAudit(sqlite: Database.Database, set: ChangeSet): number {
  const mine = replicaOf(sqlite);
  const incoming = set.audit
    .map((row) => ({
      row,
      origin: { replica: row.originReplica ?? set.replica, hash: row.originHash ?? row.hash },
    }))
    .filter(({ origin }) => origin.replica !== mine);
  const here = new Set(
    statement(
      sqlite,
      `SELECT j.key FROM json_each(?) AS j WHERE EXISTS (SELECT 1 FROM audit_log AS a
        WHERE a.origin_hash = json_extract(j.value, '$[1]') AND a.origin_replica = json_extract(j.value, '$[0]'))`,
    )
      .pluck()
      .all(JSON.stringify(incoming.map(({ origin }) => [origin.replica, origin.hash]))),
  );
  const seen = new Set<string>();
  const fresh = incoming.filter(({ origin }, index) => {
    const id = `${origin.replica}:${origin.hash}`;
    if (here.has(index) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  for (const { row } of fresh) {
    if (!foreignRowIntact(row)) {
      throw new SyncRefusal(
        'TAMPERED',
        `An audit row of the file (${row.action} at ${row.at}) does not match its hash.`,
      );
    }
  }
  appendForeignAudit(syncDb(sqlite), fresh);
  return fresh.length;
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
  checkChanges(set);
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
    const unknown = unknownChanges(sqlite, set);
    counts.alreadyKnown = set.changes.length - unknown.length;
    for (const change of unknown) counts[merger.apply(change)] += 1;
    merger.checkTouched();
    syncCounter(sqlite);
    const renumbered = settleRefs(sqlite, merger, set, options);
    const auditImported = importAudit(sqlite, set);
    const report: ApplyReport = {
      sender: set.replica,
      engagementId: set.engagementId,
      engagementIsNew,
      changes: counts,
      // A conflict a later change of the same set settled (a decision made over there) is not left.
      conflicts: [...merger.conflicts].filter((id) => conflictById(sqlite, id)?.status === 'open'),
      renumbered,
      aliases: merger.aliases,
      auditImported,
      newBlobs: [...merger.newBlobs],
      dryRun: options.dryRun === true,
    };
    const changedSomething =
      counts.applied + counts.conflict + auditImported + renumbered.length > 0;
    if (changedSomething) {
      appendAudit(syncDb(sqlite), options.now, options.actor, {
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
    return withLargeCache(sqlite, () =>
      withoutCapture(sqlite, () => sqlite.transaction(run).immediate()),
    );
  } catch (error) {
    if (error instanceof DryRunDone) {
      syncCounter(sqlite);
      return error.report;
    }
    syncCounter(sqlite);
    throw error;
  }
}

/** Pages SQLite may keep in memory while a change set is applied (KiB, as cache_size counts). */
const APPLY_CACHE_KIB = 64 * 1024;

/**
 * A whole engagement arrives in one transaction: with SQLite's default 2 MiB page cache it spilled
 * its pages into the WAL and read them back many times over. The connection's own size comes back
 * afterwards.
 */
function withLargeCache<T>(sqlite: Database.Database, fn: () => T): T {
  const before: unknown = sqlite.pragma('cache_size', { simple: true });
  if (typeof before !== 'number' || Math.abs(before) >= APPLY_CACHE_KIB) return fn();
  sqlite.pragma(`cache_size = -${APPLY_CACHE_KIB}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}
