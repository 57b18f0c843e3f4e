import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRiskDemo } from '../../electron/core/risks';
import { startTestCore } from '../helpers/core';
import { caller, count, newEngagement, seeded, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeAll(async () => {
  core = await startTestCore();
});
afterAll(() => core.close());

describe('risk demo and a 10,000-risk register', () => {
  it('seeds the small demo deterministically for a given seed', async () => {
    const a = await newEngagement(core);
    const b = await newEngagement(core);
    expect(seedRiskDemo(core.ctx, { engagementId: a, size: 'small', rng: seeded(7) })).toEqual({
      risks: 25,
    });
    seedRiskDemo(core.ctx, { engagementId: b, size: 'small', rng: seeded(7) });
    const api = caller(core);
    const strip = (list: Awaited<ReturnType<typeof api.ok<'risks.list'>>>) =>
      list.map((r) => [r.ref, r.title, r.status, r.dueDate, r.inherentBand, r.controlRefs]);
    const ra = await api.ok('risks.list', { engagementId: a });
    expect(strip(ra)).toEqual(strip(await api.ok('risks.list', { engagementId: b })));
    expect(await api.ok('aiSystems.list', { engagementId: a })).toHaveLength(3);
    expect(await api.ok('impactAssessments.list', { engagementId: a })).toHaveLength(3);
    expect(ra.every((r) => r.controlRefs.length > 0 && r.treatmentOption)).toBe(true);
  });

  it('gives the first rows of a register, in register order, each with its own systems and controls', async () => {
    const engagementId = await newEngagement(core);
    seedRiskDemo(core.ctx, { engagementId, size: 'small', rng: seeded(3) });
    const api = caller(core);
    const all = await api.ok('risks.list', { engagementId });
    expect(await api.ok('risks.list', { engagementId, limit: 10 })).toEqual(all.slice(0, 10));
    expect(await api.ok('risks.list', { engagementId, limit: 1000 })).toEqual(all);
    expect((await core.dispatcher.dispatch('risks.list', { engagementId, limit: 0 })).ok).toBe(
      false,
    );
  });

  it('lists 10,000 risks in one query shape, with their systems, controls and every band', async () => {
    const engagementId = await newEngagement(core);
    seedRiskDemo(core.ctx, { engagementId, size: 'large', rng: seeded(42) });
    const api = caller(core);
    const list = await api.ok('risks.list', { engagementId });
    expect(list).toHaveLength(10_000);
    expect(list[0]?.ref).toBe('R-001');
    expect(list.at(-1)?.ref).toBe('R-10000');
    expect(list.every((r) => r.aiSystemNames.length > 0 && r.controlRefs.length > 0)).toBe(true);
    expect(new Set(list.map((r) => r.inherentBand))).toEqual(
      new Set(['low', 'medium', 'high', 'critical']),
    );
    expect(count(core, 'risks')).toBeGreaterThanOrEqual(10_000);
    // No timing bound here: a loaded machine would make it flaky. `npm run bench -- risks` measures it.
  });
});
