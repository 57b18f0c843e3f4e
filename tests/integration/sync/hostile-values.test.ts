import { afterEach, describe, expect, test } from 'vitest';
import { applyChangeSet, buildChangeSet, SyncRefusal } from '../../../electron/core/sync';
import { tableCounts } from '../../helpers/db';
import { pairedReplicas, testId, type Replica } from '../../helpers/sync';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});

const OPTIONS = { actor: 'importer', now: '2026-02-01T00:00:00.000Z', newId: () => testId('c') };

async function pair() {
  const { a, b, engagement, systemIds } = await pairedReplicas(open, 1);
  return { a, b, engagement, system: systemIds[0] ?? '' };
}

/** A's change set with one more change of A's own, built on the row's current head. */
function withForged(
  a: Replica,
  engagement: string,
  system: string,
  op: 'merge' | 'set',
  field: string,
  valueJson: string,
) {
  const set = buildChangeSet(a.sqlite, engagement);
  const head = a.sqlite
    .prepare(
      "SELECT change_id FROM sync_heads WHERE tbl = 'ai_systems' AND row_id = ? AND field = ''",
    )
    .pluck()
    .get(system);
  const counter =
    Math.max(...set.changes.filter((c) => c.replica === a.replica).map((c) => c.counter)) + 1;
  set.changes.push({
    id: `${a.replica}:${counter}`,
    replica: a.replica,
    counter,
    engagementId: engagement,
    tbl: 'ai_systems',
    rowId: system,
    field,
    op,
    valueJson,
    parents: [String(head)],
    actor: 'mallory',
    at: '2026-01-03T00:00:00.000Z',
  });
  return set;
}

describe('a change set whose values are not what Assay writes', () => {
  test.each([
    ['a number', '5'],
    ['an array', '["x","y"]'],
    ['not JSON at all', '{"name":'],
  ])(
    'a whole-row merge carrying %s is refused, nothing written (it once reached SQLite as a row of nulls)',
    async (_what, value) => {
      const { a, b, engagement, system } = await pair();
      const before = b.sqlite.prepare('SELECT * FROM ai_systems WHERE id = ?').get(system);
      const counts = tableCounts(b.sqlite);
      const forged = withForged(a, engagement, system, 'merge', '', value);
      expect(() => applyChangeSet(b.sqlite, forged, OPTIONS)).toThrow(SyncRefusal);
      expect(() => applyChangeSet(b.sqlite, forged, OPTIONS)).toThrow(/not one|damaged/);
      expect(tableCounts(b.sqlite)).toEqual(counts);
      expect(b.sqlite.prepare('SELECT * FROM ai_systems WHERE id = ?').get(system)).toEqual(before);
    },
  );

  test('a field change whose value is not JSON is refused, not thrown at', async () => {
    const { a, b, engagement, system } = await pair();
    const counts = tableCounts(b.sqlite);
    const forged = withForged(a, engagement, system, 'set', 'purpose', '{oops');
    expect(() => applyChangeSet(b.sqlite, forged, OPTIONS)).toThrow(SyncRefusal);
    expect(tableCounts(b.sqlite)).toEqual(counts);
  });
});
