import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import type { Core } from '../core/start';
import { applyChangeSet, asActor, buildChangeSet, type ChangeSet } from '../core/sync';
import type { BenchRow } from './types';
import { onLargeDemo } from './large-demo';
import { startBenchCore } from './setup';
import { ms, timeWallCpu } from './stats';

const CHANGED = 500;
/** Of the 500 on each side, this many touch the same field as the other side: real conflicts. */
const BOTH = 20;

function editRisks(core: Core, ids: string[], field: 'description' | 'owner', text: string): void {
  const { sqlite } = core.store;
  const update = sqlite.prepare(
    `UPDATE risks SET ${field} = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
  );
  const at = new Date().toISOString();
  asActor(sqlite, text, at, () =>
    sqlite
      .transaction(() => ids.forEach((id, i) => update.run(`${text} ${i}`, at, text, id)))
      .immediate(),
  );
}

const options = (actor: string) => ({ actor, now: new Date().toISOString(), newId: uuidv7 });
const copy = (set: ChangeSet) => JSON.parse(JSON.stringify(set)) as ChangeSet;

/**
 * The large demo's first client (the 10,000-risk register) on two data directories: exported
 * from one into the other's empty store, then 500 fields changed on each side (20 of them the
 * same field on both) and merged. The merge is timed from building the sender's change set to
 * the receiver's commit (reading the file is the exchange bench's); the baseline is that change
 * set through JSON in the same run (the least any exchange of it costs).
 */
export async function benchSync(): Promise<BenchRow[]> {
  return onLargeDemo('sync', async (a, demo) => {
    const engagementId = demo.engagementIds[0] ?? '';
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-sync-b-'));
    const b = await startBenchCore(path.join(work, 'data'));
    try {
      let first: ChangeSet | null = null;
      const initial = timeWallCpu(() => {
        first = buildChangeSet(a.store.sqlite, engagementId);
        applyChangeSet(b.store.sqlite, copy(first), options('bench'));
      });
      const ids = a.store.sqlite
        .prepare('SELECT id FROM risks WHERE engagement_id = ? ORDER BY id')
        .pluck()
        .all(engagementId) as string[];
      editRisks(a, ids.slice(0, CHANGED), 'description', 'A');
      editRisks(b, ids.slice(CHANGED - BOTH, 2 * CHANGED - BOTH), 'description', 'B');
      let set: ChangeSet | null = null;
      let conflicts = 0;
      let applied = 0;
      const build = timeWallCpu(() => (set = buildChangeSet(a.store.sqlite, engagementId)));
      const received = copy(set!);
      const apply = timeWallCpu(() => {
        const report = applyChangeSet(b.store.sqlite, received, options('bench'));
        conflicts = report.conflicts.length;
        applied = report.changes.applied;
      });
      const merge = { wall: build.wall + apply.wall, cpu: build.cpu + apply.cpu };
      const json = timeWallCpu(() => JSON.parse(JSON.stringify(set)));
      const total = (set as ChangeSet | null)?.changes.length ?? 0;
      return [
        {
          name: 'sync: import of a large-demo engagement into an empty data directory',
          size: `${(first as ChangeSet | null)?.changes.length ?? 0} changes (10,000 risks)`,
          value: `${ms(initial.wall)} (CPU ${ms(initial.cpu)})`,
        },
        {
          name: 'sync: merge of two copies with 500 changed fields on each side',
          size: `${total} changes in the set; ${applied} applied, ${conflicts} conflicts`,
          value:
            `${ms(merge.wall)} (building the sender's set ${ms(build.wall)}, applying it ${ms(apply.wall)}); ` +
            `CPU ${ms(merge.cpu)} (${ms(build.cpu)} + ${ms(apply.cpu)})`,
          baseline: `${ms(json.wall)}, CPU ${ms(json.cpu)} (the change set through JSON, same run)`,
          ratio: `${(merge.wall / json.wall).toFixed(1)}× wall, ${(merge.cpu / json.cpu).toFixed(1)}× CPU`,
          aim: 'under 1 s',
        },
      ];
    } finally {
      b.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
