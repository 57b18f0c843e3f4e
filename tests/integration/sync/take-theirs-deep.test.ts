import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { verifyAuditChain } from '../../../electron/core/audit';
import { seedDemo } from '../../../electron/core/demo';
import { applyChangeSet, buildChangeSet, type ApplyReport } from '../../../electron/core/sync';
import type { ConflictView } from '../../../shared/contracts/conflicts';
import type { ImpactAssessment } from '../../../shared/contracts/impact-assessments';
import { commandsOf, startTestCore } from '../../helpers/core';

type Core = Awaited<ReturnType<typeof startTestCore>>;

let a: Core;
let b: Core;
let engagementId: string;

/** `from`'s engagement merged into `to`, as an exchange file carries it. */
function send(from: Core, to: Core): ApplyReport {
  const set = buildChangeSet(from.store.sqlite, engagementId);
  return applyChangeSet(to.store.sqlite, JSON.parse(JSON.stringify(set)) as typeof set, {
    actor: 'importer',
    now: new Date().toISOString(),
    newId: uuidv7,
  });
}

const assessments = (core: Core) =>
  commandsOf(core).ok<ImpactAssessment[]>('impactAssessments.list', { engagementId });
const conflicts = (core: Core) =>
  commandsOf(core).ok<ConflictView[]>('conflicts.list', { engagementId });

beforeAll(async () => {
  a = await startTestCore();
  b = await startTestCore();
  engagementId = (await seedDemo(a.ctx, { size: 'small', seed: 11 })).engagementIds[0]!;
  send(a, b);
}, 180_000);

afterAll(() => {
  a.close();
  b.close();
});

describe('"take theirs" on a record deleted here with its children', () => {
  test('brings back every level: the AI system, its impact assessment with the deep edit, and its risk links old and new', async () => {
    const all = await assessments(b);
    const target = all.find((x) => x.riskIds.length > 0) ?? all[0]!;
    const risks = await commandsOf(b).ok<{ id: string }[]>('risks.list', { engagementId });
    const added = risks.find((r) => !target.riskIds.includes(r.id))!.id;
    // A deletes the system (its impact assessments and their risk links go with it) …
    await commandsOf(a).ok('aiSystems.delete', { id: target.aiSystemId });
    // … while B edits the impact assessment beneath it and links one more risk to it.
    const {
      id,
      aiSystemId: _s,
      aiSystemName: _n,
      riskRefs: _r,
      createdAt: _c,
      updatedAt: _u,
      updatedBy: _b,
      ...fields
    } = target;
    await commandsOf(b).ok('impactAssessments.update', {
      id,
      ...fields,
      measuresPlanned: 'Quarterly bias review, agreed on site (B)',
      riskIds: [...target.riskIds, added],
    });
    const merged = send(b, a);
    expect(merged.conflicts.length).toBeGreaterThan(0);
    // Take theirs on whatever is open, until nothing is: each decision may settle others.
    for (let open = await conflicts(a); open.length > 0; open = await conflicts(a)) {
      await commandsOf(a).ok('conflicts.resolve', { id: open[0]!.id, take: 'theirs' });
    }
    const systems = await commandsOf(a).ok<{ id: string }[]>('aiSystems.list', { engagementId });
    expect(systems.map((s) => s.id)).toContain(target.aiSystemId);
    const back = (await assessments(a)).find((x) => x.id === target.id);
    expect(back?.measuresPlanned).toBe('Quarterly bias review, agreed on site (B)');
    expect([...(back?.riskIds ?? [])].sort()).toEqual([...target.riskIds, added].sort());
    // The decisions travel back: B takes them without a new conflict, and both sides agree.
    const returned = send(a, b);
    expect(returned.conflicts).toEqual([]);
    expect(await conflicts(b)).toEqual([]);
    expect(await assessments(b)).toEqual(await assessments(a));
    expect(verifyAuditChain(a.store.sqlite).ok).toBe(true);
    expect(verifyAuditChain(b.store.sqlite).ok).toBe(true);
  }, 120_000);
});
