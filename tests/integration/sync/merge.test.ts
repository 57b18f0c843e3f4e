import { afterEach, describe, expect, test } from 'vitest';
import { verifyAuditChain } from '../../../electron/core/audit';
import { buildChangeSet, applyChangeSet, SyncRefusal } from '../../../electron/core/sync';
import { resolveConflict } from '../../../electron/core/sync/resolve';
import {
  exchange,
  insertEngagement,
  insertSystem,
  pairedReplicas,
  openConflictsOf,
  setSystemField,
  snapshot,
  SYSTEM_FIELDS,
  testId,
  type Replica,
} from '../../helpers/sync';
import { tableCounts } from '../../helpers/db';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});

async function pair() {
  const { a, b, engagement, systemIds } = await pairedReplicas(open, 2);
  return { a, b, engagement, systems: systemIds };
}

const systemsOf = (r: Replica) => snapshot(r.sqlite, 'ai_systems', SYSTEM_FIELDS);

describe('merging change sets field by field', () => {
  test('an import into an empty store recreates the engagement row for row, stamps included', async () => {
    const { a, b } = await pair();
    for (const table of ['engagements', 'ai_systems']) {
      expect(b.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()).toEqual(
        a.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all(),
      );
    }
    expect(a.replica).not.toBe(b.replica);
  });

  test('changes to different fields on each side both arrive, with no conflict', async () => {
    const { a, b, engagement, systems } = await pair();
    a.write('ana', (db) => setSystemField(db, systems[0]!, 'purpose', 'from A', 'ana'));
    b.write('ben', (db) => setSystemField(db, systems[0]!, 'owner', 'from B', 'ben'));
    b.write('ben', (db) => setSystemField(db, systems[1]!, 'purpose', 'B2', 'ben'));
    const toB = exchange(a, b, engagement);
    const toA = exchange(b, a, engagement);
    expect(toB.conflicts).toEqual([]);
    expect(toA.conflicts).toEqual([]);
    expect(systemsOf(a)).toEqual(systemsOf(b));
    expect(systemsOf(a)[systems[0]!]).toMatchObject({ purpose: 'from A', owner: 'from B' });
  });

  test('the same field changed differently is one conflict on each side; each keeps its value until decided', async () => {
    const { a, b, engagement, systems } = await pair();
    a.write('ana', (db) => setSystemField(db, systems[0]!, 'purpose', 'A says', 'ana'));
    b.write('ben', (db) => setSystemField(db, systems[0]!, 'purpose', 'B says', 'ben'));
    const toB = exchange(a, b, engagement);
    const toA = exchange(b, a, engagement);
    expect(toB.conflicts).toHaveLength(1);
    expect(toA.conflicts).toHaveLength(1);
    expect(openConflictsOf(b.sqlite)).toEqual([
      { tbl: 'ai_systems', row_id: systems[0], field: 'purpose', kind: 'field' },
    ]);
    expect(systemsOf(b)[systems[0]!]!.purpose).toBe('B says');
    expect(systemsOf(a)[systems[0]!]!.purpose).toBe('A says');
    // B takes A's value; the resolution travels to A and settles A's conflict without a new one.
    resolveConflict(
      b.sqlite,
      toB.conflicts[0]!,
      { take: 'theirs' },
      { actor: 'ben', now: '2026-03-01T00:00:00.000Z' },
    );
    expect(openConflictsOf(b.sqlite)).toEqual([]);
    const back = exchange(b, a, engagement);
    expect(back.conflicts).toEqual([]);
    expect(openConflictsOf(a.sqlite)).toEqual([]);
    expect(systemsOf(a)).toEqual(systemsOf(b));
    expect(systemsOf(a)[systems[0]!]!.purpose).toBe('A says');
  });

  test('an edited combination is kept on both sides after the next exchange', async () => {
    const { a, b, engagement, systems } = await pair();
    a.write('ana', (db) => setSystemField(db, systems[0]!, 'purpose', 'first half', 'ana'));
    b.write('ben', (db) => setSystemField(db, systems[0]!, 'purpose', 'second half', 'ben'));
    const toA = exchange(b, a, engagement);
    resolveConflict(
      a.sqlite,
      toA.conflicts[0]!,
      { take: 'value', value: 'first half, second half' },
      { actor: 'ana', now: '2026-03-01T00:00:00.000Z' },
    );
    const toB = exchange(a, b, engagement);
    // B had not seen A's edit yet: its own conflict opens and is settled by A's decision at once.
    expect(openConflictsOf(b.sqlite)).toEqual([]);
    expect(toB.changes.conflict).toBe(1);
    expect(systemsOf(b)[systems[0]!]!.purpose).toBe('first half, second half');
    expect(systemsOf(a)).toEqual(systemsOf(b));
  });

  test('importing the same change set twice changes nothing the second time', async () => {
    const { a, b, engagement, systems } = await pair();
    a.write('ana', (db) => setSystemField(db, systems[1]!, 'model_type', 'LLM', 'ana'));
    exchange(a, b, engagement);
    const before = tableCounts(b.sqlite);
    const again = exchange(a, b, engagement);
    expect(again.changes.alreadyKnown).toBe(again.changes.total);
    expect(again.changes.applied + again.changes.conflict).toBe(0);
    expect(tableCounts(b.sqlite)).toEqual(before);
  });

  test('an edit on one side against a delete on the other is a conflict on both sides, never a loss', async () => {
    const { a, b, engagement, systems } = await pair();
    a.write('ana', (db) => db.prepare('DELETE FROM ai_systems WHERE id = ?').run(systems[0]));
    b.write('ben', (db) => setSystemField(db, systems[0]!, 'purpose', 'still needed', 'ben'));
    const toB = exchange(a, b, engagement);
    const toA = exchange(b, a, engagement);
    expect(openConflictsOf(b.sqlite)).toEqual([
      { tbl: 'ai_systems', row_id: systems[0], field: '', kind: 'edit-delete' },
    ]);
    expect(openConflictsOf(a.sqlite)).toEqual([
      { tbl: 'ai_systems', row_id: systems[0], field: '', kind: 'delete-edit' },
    ]);
    expect(systemsOf(b)[systems[0]!]!.purpose).toBe('still needed');
    expect(systemsOf(a)[systems[0]!]).toBeUndefined();
    // A takes B's side: the system comes back with B's edit, and B learns it lives on.
    resolveConflict(
      a.sqlite,
      toA.conflicts[0]!,
      { take: 'theirs' },
      { actor: 'ana', now: '2026-03-01T00:00:00.000Z' },
    );
    expect(systemsOf(a)[systems[0]!]!.purpose).toBe('still needed');
    exchange(a, b, engagement);
    expect(toB.conflicts).toHaveLength(1);
    expect(openConflictsOf(b.sqlite)).toEqual([]);
    expect(systemsOf(a)).toEqual(systemsOf(b));
  });

  test('a delete of a record with rows beneath it arrives whole when nobody added beneath it', async () => {
    const { a, b, engagement } = await pair();
    const risk = testId('r');
    a.write('ana', (db) => {
      db.prepare(
        `INSERT INTO risks (id, engagement_id, ref, title, likelihood, impact, inherent_score, inherent_band, criteria_version, status, created_at, updated_at, updated_by)
         VALUES (?, ?, 'R-001', 'Bias', 2, 3, 6, 'medium', 1, 'open', 'x', 'x', 'ana')`,
      ).run(risk, engagement);
    });
    exchange(a, b, engagement);
    a.write('ana', (db) => db.prepare('DELETE FROM engagements WHERE id = ?').run(engagement));
    const report = exchange(a, b, engagement);
    expect(report.conflicts).toEqual([]);
    expect(b.sqlite.prepare('SELECT count(*) FROM risks').pluck().get()).toBe(0);
    expect(b.sqlite.prepare('SELECT count(*) FROM engagements').pluck().get()).toBe(0);
  });

  /** A risk numbered R-001 on one side: the reference both sides will want. */
  const riskR001 = (db: Replica['sqlite'], engagement: string, id: string, title: string) =>
    db
      .prepare(
        `INSERT INTO risks (id, engagement_id, ref, title, likelihood, impact, inherent_score, inherent_band, criteria_version, status, created_at, updated_at, updated_by)
         VALUES (?, ?, 'R-001', ?, 2, 3, 6, 'medium', 1, 'open', 'x', 'x', 'u')`,
      )
      .run(id, engagement, title);

  test('a human reference taken on both sides is renumbered on import, recorded, and both sides agree after', async () => {
    const { a, b, engagement } = await pair();
    const risk = (db: Replica['sqlite'], id: string, title: string) =>
      riskR001(db, engagement, id, title);
    const ra = testId('r');
    const rb = testId('r');
    a.write('ana', (db) => risk(db, ra, 'from A'));
    b.write('ben', (db) => risk(db, rb, 'from B'));
    const toB = exchange(a, b, engagement);
    expect(toB.renumbered).toEqual([{ tbl: 'risks', rowId: ra, from: 'R-001', to: 'R-002' }]);
    const toA = exchange(b, a, engagement);
    expect(toA.renumbered).toEqual([]);
    const refs = (r: Replica) => r.sqlite.prepare('SELECT id, ref FROM risks ORDER BY id').all();
    expect(refs(a)).toEqual(refs(b));
    expect(b.sqlite.prepare('SELECT from_ref, to_ref FROM sync_ref_changes').all()).toEqual([
      { from_ref: 'R-001', to_ref: 'R-002' },
    ]);
  });

  test('a reference waiting for its number gets it even when the same set also edits another field of its row', async () => {
    const { a, b, engagement } = await pair();
    const risk = (db: Replica['sqlite'], id: string, title: string) =>
      riskR001(db, engagement, id, title);
    const ra = testId('r');
    const rb = testId('r');
    a.write('ana', (db) => risk(db, ra, 'from A'));
    b.write('ben', (db) => risk(db, rb, 'from B'));
    exchange(a, b, engagement);
    // B's set now holds its own R-001 (made before A's arrived), A's renumbered to R-002, and an
    // edit of its risk's title: on A the risk waits for R-001 until A's own risk has moved.
    b.write('ben', (db) =>
      db.prepare("UPDATE risks SET title = 'from B, edited' WHERE id = ?").run(rb),
    );
    const toA = exchange(b, a, engagement);
    expect(toA.conflicts).toEqual([]);
    const refs = (r: Replica) =>
      r.sqlite.prepare('SELECT id, ref, title FROM risks ORDER BY id').all();
    expect(refs(a)).toEqual(refs(b));
    expect(refs(a)).toContainEqual({ id: rb, ref: 'R-001', title: 'from B, edited' });
  });

  test('both audit trails are kept and the merged trail verifies on each side', async () => {
    const { a, b, engagement, systems } = await pair();
    const { appendAudit } = await import('../../../electron/core/audit');
    const { drizzle } = await import('drizzle-orm/better-sqlite3');
    const { schema } = await import('../../../electron/core/db');
    const note = (r: Replica, actor: string) =>
      r.write(actor, (db) => {
        setSystemField(db, systems[0]!, 'owner', actor, actor);
        appendAudit(drizzle({ client: db, schema }), '2026-01-02T00:00:00.000Z', actor, {
          action: 'aiSystems.update',
          entityType: 'ai_system',
          entityId: systems[1]!,
          scopeId: engagement,
        });
      });
    note(a, 'ana');
    note(b, 'ben');
    exchange(a, b, engagement);
    exchange(b, a, engagement);
    for (const r of [a, b]) {
      expect(verifyAuditChain(r.sqlite).ok).toBe(true);
      const actors = r.sqlite
        .prepare("SELECT actor FROM audit_log WHERE action = 'aiSystems.update' ORDER BY actor")
        .pluck()
        .all();
      expect(actors).toEqual(['ana', 'ben']);
    }
    // A third import brings nothing new into either trail.
    const rows = a.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    exchange(b, a, engagement);
    expect(a.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(rows);
  });

  test('a change set with an altered audit row or a change aimed at another engagement is refused with nothing written', async () => {
    const { a, b, engagement, systems } = await pair();
    const { appendAudit } = await import('../../../electron/core/audit');
    const { drizzle } = await import('drizzle-orm/better-sqlite3');
    const { schema } = await import('../../../electron/core/db');
    a.write('ana', (db) => {
      setSystemField(db, systems[0]!, 'owner', 'new owner', 'ana');
      appendAudit(drizzle({ client: db, schema }), '2026-01-02T00:00:00.000Z', 'ana', {
        action: 'x',
        entityType: 'engagement',
        entityId: engagement,
        scopeId: engagement,
      });
    });
    const before = tableCounts(b.sqlite);
    const altered = buildChangeSet(a.sqlite, engagement);
    altered.audit[altered.audit.length - 1]!.actor = 'mallory';
    const options = {
      actor: 'importer',
      now: '2026-02-01T00:00:00.000Z',
      newId: () => testId('c'),
    };
    expect(() => applyChangeSet(b.sqlite, altered, options)).toThrow(SyncRefusal);
    const elsewhere = testId('e');
    b.write('ben', (db) => {
      insertEngagement(db, elsewhere);
      insertSystem(db, elsewhere, testId('s'));
    });
    const hostile = buildChangeSet(a.sqlite, engagement);
    const victim = b.sqlite
      .prepare('SELECT id FROM ai_systems WHERE engagement_id = ?')
      .pluck()
      .get(elsewhere) as string;
    hostile.changes.at(-1)!.rowId = victim;
    const counts = tableCounts(b.sqlite);
    expect(() => applyChangeSet(b.sqlite, hostile, options)).toThrow(/another engagement/);
    expect(tableCounts(b.sqlite)).toEqual(counts);
    expect(before.sync_changes).toBeLessThan(counts.sync_changes!);
  });

  test('a dry run reports what it would apply and keeps nothing', async () => {
    const { a, b, engagement, systems } = await pair();
    a.write('ana', (db) => setSystemField(db, systems[0]!, 'purpose', 'dry', 'ana'));
    const before = tableCounts(b.sqlite);
    const report = exchange(a, b, engagement, true);
    expect(report.dryRun).toBe(true);
    expect(report.changes.applied).toBe(1);
    expect(tableCounts(b.sqlite)).toEqual(before);
    expect(exchange(a, b, engagement).changes.applied).toBe(1);
  });
});
