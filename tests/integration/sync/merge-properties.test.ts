import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tableCounts } from '../../helpers/db';
import {
  exchange,
  insertEngagement,
  insertSystem,
  newReplica,
  openConflictsOf,
  setSystemField,
  snapshot,
  SYSTEM_FIELDS,
  testId,
  type Replica,
} from '../../helpers/sync';

/** Runs per property; printed in the closing note of issue 14. */
export const RUNS = { twoSides: 60, idempotent: 30, threeSides: 40, deletes: 50 };

const ROWS = 3;
type Field = (typeof SYSTEM_FIELDS)[number];
interface Edit {
  row: number;
  field: Field;
  value: string;
}
const editArb = fc.record({
  row: fc.nat(ROWS - 1),
  field: fc.constantFrom(...SYSTEM_FIELDS),
  value: fc.constantFrom('v1', 'v2', 'v3', 'a longer value\nwith a second line'),
});
const editsArb = fc.array(editArb, { maxLength: 8 });

interface World {
  engagement: string;
  systems: string[];
  start: Record<string, Record<string, unknown>>;
  replicas: Replica[];
}

/** A common start on `count` data directories: made on the first, imported into the others. */
async function world(count: number): Promise<World> {
  const first = await newReplica();
  const engagement = testId('e');
  const systems = Array.from({ length: ROWS }, () => testId('s'));
  first.write('lead', (db) => {
    insertEngagement(db, engagement);
    for (const s of systems) insertSystem(db, engagement, s);
  });
  const replicas = [first];
  for (let i = 1; i < count; i += 1) {
    const r = await newReplica();
    exchange(first, r, engagement);
    replicas.push(r);
  }
  return { engagement, systems, start: systemsOf(first), replicas };
}

const systemsOf = (r: Replica) => snapshot(r.sqlite, 'ai_systems', SYSTEM_FIELDS);
const close = (w: World) => w.replicas.forEach((r) => r.close());

function perform(r: Replica, w: World, edits: Edit[], actor: string): void {
  for (const e of edits)
    r.write(actor, (db) => setSystemField(db, w.systems[e.row]!, e.field, e.value, actor));
}

/** Each side's final value per field, in the model (no store). */
function finals(w: World, edits: Edit[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of edits) out.set(`${w.systems[e.row]}|${e.field}`, e.value);
  return out;
}

interface Expected {
  conflicts: string[];
  /** The value every side holds, for the fields without a conflict. */
  agreed: Map<string, unknown>;
}

/** Conflicts exactly where both sides changed the same field to different values. */
function expected(w: World, a: Edit[], b: Edit[]): Expected {
  const fa = finals(w, a);
  const fb = finals(w, b);
  const conflicts: string[] = [];
  const agreed = new Map<string, unknown>();
  for (const id of w.systems) {
    for (const field of SYSTEM_FIELDS) {
      const key = `${id}|${field}`;
      const start = w.start[id]![field];
      const va = fa.has(key) ? fa.get(key) : start;
      const vb = fb.has(key) ? fb.get(key) : start;
      const changedA = va !== start;
      const changedB = vb !== start;
      if (changedA && changedB && va !== vb) conflicts.push(key);
      else agreed.set(key, changedA ? va : vb);
    }
  }
  return { conflicts: conflicts.sort(), agreed };
}

/** A common start on `count` directories, A's and B's edits on the first two, then `check`. */
async function afterEdits(
  count: number,
  editsA: Edit[],
  editsB: Edit[],
  check: (w: World) => void,
): Promise<void> {
  const w = await world(count);
  try {
    perform(w.replicas[0]!, w, editsA, 'ana');
    perform(w.replicas[1]!, w, editsB, 'ben');
    check(w);
  } finally {
    close(w);
  }
}

const conflictKeys = (r: Replica) =>
  openConflictsOf(r.sqlite)
    .map((c) => `${c.row_id}|${c.field}`)
    .sort();

function expectAgreed(r: Replica, want: Expected): void {
  const got = systemsOf(r);
  for (const [key, value] of want.agreed) {
    const [id, field] = key.split('|') as [string, Field];
    expect(got[id]![field]).toBe(value);
  }
}

describe('merge properties (fast-check)', () => {
  test('two histories from a common start: nothing lost, conflicts exactly where both changed a field', async () => {
    await fc.assert(
      fc.asyncProperty(editsArb, editsArb, async (editsA, editsB) => {
        await afterEdits(2, editsA, editsB, (w) => {
          const [a, b] = w.replicas as [Replica, Replica];
          exchange(a, b, w.engagement);
          exchange(b, a, w.engagement);
          const want = expected(w, editsA, editsB);
          expect(conflictKeys(a)).toEqual(want.conflicts);
          expect(conflictKeys(b)).toEqual(want.conflicts);
          expectAgreed(a, want);
          expectAgreed(b, want);
          // Where they conflict each side keeps its own value, and the other's is in the conflict.
          const fa = finals(w, editsA);
          const fb = finals(w, editsB);
          for (const key of want.conflicts) {
            const [id, field] = key.split('|') as [string, Field];
            expect(systemsOf(a)[id]![field]).toBe(fa.get(key));
            expect(systemsOf(b)[id]![field]).toBe(fb.get(key));
            const theirs = a.sqlite
              .prepare(
                `SELECT c.value_json FROM sync_conflicts k JOIN sync_changes c ON c.id = k.theirs_change_id
                  WHERE k.status = 'open' AND k.row_id = ? AND k.field = ?`,
              )
              .pluck()
              .get(id, field) as string;
            expect(JSON.parse(theirs)).toBe(fb.get(key));
          }
        });
      }),
      { numRuns: RUNS.twoSides },
    );
  }, 300_000);

  test('importing a change set a second time changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(editsArb, editsArb, async (editsA, editsB) => {
        await afterEdits(2, editsA, editsB, (w) => {
          const [a, b] = w.replicas as [Replica, Replica];
          exchange(a, b, w.engagement);
          const counts = tableCounts(b.sqlite);
          const rows = systemsOf(b);
          const again = exchange(a, b, w.engagement);
          expect(again.changes.alreadyKnown).toBe(again.changes.total);
          expect(tableCounts(b.sqlite)).toEqual(counts);
          expect(systemsOf(b)).toEqual(rows);
        });
      }),
      { numRuns: RUNS.idempotent },
    );
  }, 300_000);

  test("A's then B's change set gives what B's then A's does, wherever nothing conflicts", async () => {
    await fc.assert(
      fc.asyncProperty(editsArb, editsArb, async (editsA, editsB) => {
        await afterEdits(4, editsA, editsB, (w) => {
          const [a, b, c1, c2] = w.replicas as [Replica, Replica, Replica, Replica];
          exchange(a, c1, w.engagement);
          exchange(b, c1, w.engagement);
          exchange(b, c2, w.engagement);
          exchange(a, c2, w.engagement);
          const want = expected(w, editsA, editsB);
          expect(conflictKeys(c1)).toEqual(want.conflicts);
          expect(conflictKeys(c2)).toEqual(want.conflicts);
          expectAgreed(c1, want);
          expectAgreed(c2, want);
        });
      }),
      { numRuns: RUNS.threeSides },
    );
  }, 300_000);

  test('deletes against edits: never a silent loss, a conflict on both sides where one deleted what the other changed', async () => {
    const sideArb = fc.record({ edits: editsArb, deletes: fc.subarray([0, 1, 2]) });
    await fc.assert(
      fc.asyncProperty(sideArb, sideArb, async (sa, sb) => {
        const w = await world(2);
        const [a, b] = w.replicas as [Replica, Replica];
        try {
          perform(a, w, sa.edits, 'ana');
          perform(b, w, sb.edits, 'ben');
          const remove = (r: Replica, rows: number[]) =>
            r.write('x', (db) =>
              rows.forEach((i) =>
                db.prepare('DELETE FROM ai_systems WHERE id = ?').run(w.systems[i]),
              ),
            );
          remove(a, sa.deletes);
          remove(b, sb.deletes);
          exchange(a, b, w.engagement);
          exchange(b, a, w.engagement);
          for (let i = 0; i < ROWS; i += 1) {
            const id = w.systems[i]!;
            const changed = (edits: Edit[]) =>
              [
                ...finals(
                  w,
                  edits.filter((e) => e.row === i),
                ),
              ].some(([k, v]) => v !== w.start[id]![k.split('|')[1]!]);
            const deletedA = sa.deletes.includes(i);
            const deletedB = sb.deletes.includes(i);
            const rowConflict = (r: Replica) =>
              openConflictsOf(r.sqlite).some((c) => c.row_id === id && c.field === '');
            if (deletedA && deletedB) {
              expect(systemsOf(a)[id]).toBeUndefined();
              expect(systemsOf(b)[id]).toBeUndefined();
            } else if (deletedA || deletedB) {
              const otherChanged = deletedA ? changed(sb.edits) : changed(sa.edits);
              expect(rowConflict(a)).toBe(otherChanged);
              expect(rowConflict(b)).toBe(otherChanged);
              // The side that kept it still has it whenever it had changed it.
              const keeper = deletedA ? b : a;
              if (otherChanged) expect(systemsOf(keeper)[id]).toBeDefined();
              else {
                expect(systemsOf(a)[id]).toBeUndefined();
                expect(systemsOf(b)[id]).toBeUndefined();
              }
            } else {
              expect(systemsOf(a)[id]).toBeDefined();
              expect(systemsOf(b)[id]).toBeDefined();
            }
          }
        } finally {
          close(w);
        }
      }),
      { numRuns: RUNS.deletes },
    );
  }, 300_000);
});
