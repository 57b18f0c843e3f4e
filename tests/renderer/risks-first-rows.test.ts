import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Risk } from '../../shared/contracts/risks';
import { FIRST_RISKS, useRisks } from '../../renderer/src/stores/risks';
import { installFakeApi, settle, type FakeApi } from './fake-api';
import { aRisk, riskCriteria } from './fixtures';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useRisks.setState(useRisks.getInitialState(), true);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const register = (n: number, engagementId = 'e1'): Risk[] =>
  Array.from({ length: n }, (_, i) => aRisk(`r${i + 1}`, { engagementId }));

const firstRows = (input: { limit?: number }) => input.limit === FIRST_RISKS;
const wholeRegister = (input: { limit?: number }) => input.limit === undefined;
const ids = () => useRisks.getState().risks.map((r) => r.id);
const pendingWholeReads = () =>
  fake.pending.filter((c) => c.command === 'risks.list' && wholeRegister(c.input as never));

/** Opens e1's register of `total` risks and answers everything but the read of the rest. */
async function openLarge(total: number) {
  void useRisks.getState().choose('e1');
  await fake.answer('aiSystems.list', []);
  await fake.answer('riskCriteria.get', riskCriteria('e1'));
  await fake.answer('impactAssessments.list', []);
  await fake.answer('risks.list', register(total).slice(0, FIRST_RISKS), firstRows);
  await settle();
}

describe('a large register opens with its first rows', () => {
  it('is ready with the first rows, then holds every risk once the rest is read', async () => {
    await openLarge(FIRST_RISKS + 50);
    expect(useRisks.getState()).toMatchObject({ status: 'ready', risksLoading: true });
    expect(ids()).toHaveLength(FIRST_RISKS);
    await fake.answer('risks.list', register(FIRST_RISKS + 50), wholeRegister);
    expect(useRisks.getState().risksLoading).toBe(false);
    expect(ids()).toEqual(register(FIRST_RISKS + 50).map((r) => r.id));
    expect(fake.pending).toEqual([]);
  });

  it('asks for the rest only once the other parts came and the first rows were painted', async () => {
    // A page: frames run when the test says so.
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (frame: () => void) => frames.push(frame));
    void useRisks.getState().choose('e1');
    await fake.answer('risks.list', register(FIRST_RISKS + 50).slice(0, FIRST_RISKS), firstRows);
    // The whole register is one long answer of the main side: asked for now, it would hold back
    // the criteria, systems and impact assessments the register is drawn with.
    expect(pendingWholeReads()).toEqual([]);
    await fake.answer('aiSystems.list', []);
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('impactAssessments.list', []);
    expect(useRisks.getState()).toMatchObject({ status: 'ready', risksLoading: true });
    expect(pendingWholeReads()).toEqual([]);
    for (const frame of frames.splice(0)) frame();
    await settle();
    expect(pendingWholeReads()).toHaveLength(1);
    await fake.answer('risks.list', register(FIRST_RISKS + 50), wholeRegister);
    expect(useRisks.getState()).toMatchObject({ status: 'ready', risksLoading: false });
    expect(ids()).toHaveLength(FIRST_RISKS + 50);
  });

  it('reads nothing more when the first read brought the whole register', async () => {
    void useRisks.getState().choose('e1');
    await fake.answer('aiSystems.list', []);
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('impactAssessments.list', []);
    await fake.answer('risks.list', register(3), firstRows);
    await settle();
    expect(useRisks.getState()).toMatchObject({ status: 'ready', risksLoading: false });
    expect(fake.pending).toEqual([]);
  });

  it('loses neither a risk saved while the rest is read nor the rest', async () => {
    await openLarge(FIRST_RISKS + 50);
    const saving = useRisks.getState().saveRisk(null, { title: 'New', likelihood: 2, impact: 2 });
    const added = aRisk('r-new', { engagementId: 'e1' });
    await fake.answer('risks.create', added);
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('aiSystems.list', []);
    await saving;
    expect(ids()).toContain('r-new');
    // The read of the rest began before the save: it must not land without the new risk…
    await fake.answer('risks.list', register(FIRST_RISKS + 50), wholeRegister);
    await settle();
    expect(ids()).toContain('r-new');
    expect(useRisks.getState().risksLoading).toBe(true);
    // …and is made again, bringing both.
    expect(pendingWholeReads()).toHaveLength(1);
    await fake.answer('risks.list', [...register(FIRST_RISKS + 50), added], wholeRegister);
    expect(ids()).toHaveLength(FIRST_RISKS + 51);
    expect(ids()).toContain('r-new');
    expect(useRisks.getState().risksLoading).toBe(false);
  });

  it('does not bring back a risk deleted while the rest is read', async () => {
    await openLarge(FIRST_RISKS + 50);
    const deleting = useRisks.getState().deleteRisk('r1');
    await fake.answer('risks.delete', { ok: true });
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('aiSystems.list', []);
    await deleting;
    await fake.answer('risks.list', register(FIRST_RISKS + 50), wholeRegister);
    await settle();
    expect(ids()).not.toContain('r1');
    await fake.answer('risks.list', register(FIRST_RISKS + 50).slice(1), wholeRegister);
    expect(ids()).toHaveLength(FIRST_RISKS + 49);
    expect(ids()).not.toContain('r1');
  });

  it('reads the whole register when a save made the first read stale', async () => {
    void useRisks.getState().choose('e1');
    await fake.answer('aiSystems.list', []);
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('impactAssessments.list', []);
    const saving = useRisks.getState().saveRisk(null, { title: 'New', likelihood: 2, impact: 2 });
    await fake.answer('risks.create', aRisk('r-new', { engagementId: 'e1' }));
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('aiSystems.list', []);
    await saving;
    await fake.answer('risks.list', register(FIRST_RISKS), firstRows);
    await settle();
    expect(useRisks.getState().risksLoading).toBe(true);
    await fake.answer('risks.list', [...register(300), aRisk('r-new')], wholeRegister);
    expect(ids()).toHaveLength(301);
    expect(useRisks.getState()).toMatchObject({ status: 'ready', risksLoading: false });
  });

  it('says the register could not be read in full rather than pass the first rows for all', async () => {
    await openLarge(FIRST_RISKS + 50);
    await fake.fail('risks.list', 'The database is locked', wholeRegister);
    await settle();
    expect(useRisks.getState()).toMatchObject({
      status: 'error',
      error: 'The database is locked',
      risksLoading: false,
    });
  });

  it('stops reading the rest of an engagement the user has left', async () => {
    await openLarge(FIRST_RISKS + 50);
    void useRisks.getState().choose('e2');
    await fake.answer('risks.list', register(FIRST_RISKS + 50), (i) => i.engagementId === 'e1');
    await settle();
    expect(ids()).toEqual([]);
    expect(
      fake.pending.filter((c) => (c.input as { engagementId?: string }).engagementId === 'e1'),
    ).toEqual([]);
  });
});
