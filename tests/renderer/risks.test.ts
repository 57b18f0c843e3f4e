import { beforeEach, describe, expect, it } from 'vitest';
import { useRisks } from '../../renderer/src/stores/risks';
import { installFakeApi, type FakeApi } from './fake-api';
import { aRisk, anAiSystem, riskCriteria } from './fixtures';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useRisks.setState(useRisks.getInitialState(), true);
});

const ofEngagement = (id: string) => (input: { engagementId: string }) => input.engagementId === id;

/** Answers the four reads of one engagement's register. */
async function answerRegister(engagementId: string, riskIds: string[]) {
  const mine = ofEngagement(engagementId);
  await fake.answer('aiSystems.list', [anAiSystem(`s-${engagementId}`, { engagementId })], mine);
  await fake.answer(
    'risks.list',
    riskIds.map((id) => aRisk(id, { engagementId })),
    mine,
  );
  await fake.answer('riskCriteria.get', riskCriteria(engagementId), mine);
  await fake.answer('impactAssessments.list', [], mine);
}

describe('the risks store', () => {
  it('never shows the register of an engagement the user has left', async () => {
    void useRisks.getState().choose('e1');
    void useRisks.getState().choose('e2');
    await answerRegister('e2', ['r2']);
    await answerRegister('e1', ['r1']);
    const state = useRisks.getState();
    expect(state.engagementId).toBe('e2');
    expect(state.risks.map((r) => r.id)).toEqual(['r2']);
    expect(state.systems.map((s) => s.engagementId)).toEqual(['e2']);
    expect(state.criteria?.engagementId).toBe('e2');
    expect(state.status).toBe('ready');
  });

  it('shows no failure of the engagement the user has left', async () => {
    void useRisks.getState().choose('e1');
    void useRisks.getState().choose('e2');
    await answerRegister('e2', ['r2']);
    await fake.fail('risks.list', 'e1 is locked', ofEngagement('e1'));
    expect(useRisks.getState()).toMatchObject({ status: 'ready', error: null });
  });

  it('keeps a risk saved for the engagement the user has left out of the new one', async () => {
    void useRisks.getState().choose('e1');
    await answerRegister('e1', ['r1']);
    const saving = useRisks.getState().saveRisk(null, { title: 'New', likelihood: 2, impact: 2 });
    void useRisks.getState().choose('e2');
    await answerRegister('e2', ['r2']);
    await fake.answer('risks.create', aRisk('r-new', { engagementId: 'e1' }));
    await saving;
    expect(fake.pending).toEqual([]);
    const state = useRisks.getState();
    expect(state.risks.map((r) => r.id)).toEqual(['r2']);
    expect(state.criteria?.engagementId).toBe('e2');
    expect(state.systems.map((s) => s.engagementId)).toEqual(['e2']);
  });

  it('lets no older read of a part undo a newer one', async () => {
    void useRisks.getState().choose('e1');
    await answerRegister('e1', []);
    void useRisks.getState().deleteRisk('r1');
    await fake.answer('risks.delete', { ok: true });
    void useRisks.getState().deleteRisk('r2');
    await fake.answer('risks.delete', { ok: true });
    const [olderCriteria, olderSystems, newerCriteria, newerSystems] = fake.pending;
    newerCriteria?.resolve(riskCriteria('e1', { staleRiskCount: 0 }));
    newerSystems?.resolve([anAiSystem('s', { riskCount: 0 })]);
    olderCriteria?.resolve(riskCriteria('e1', { staleRiskCount: 1 }));
    olderSystems?.resolve([anAiSystem('s', { riskCount: 1 })]);
    await new Promise((r) => setTimeout(r, 0));
    expect(useRisks.getState().criteria?.staleRiskCount).toBe(0);
    expect(useRisks.getState().systems[0]?.riskCount).toBe(0);
  });

  it('keeps a risk just saved when a reload that started before the save answers after it', async () => {
    void useRisks.getState().choose('e1');
    await answerRegister('e1', ['r1']);
    void useRisks.getState().reload();
    const saving = useRisks.getState().saveRisk(null, { title: 'New', likelihood: 2, impact: 2 });
    await fake.answer('risks.create', aRisk('r-new', { engagementId: 'e1' }));
    await answerRegister('e1', ['r1']);
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('aiSystems.list', []);
    await saving;
    expect(useRisks.getState().risks.map((r) => r.id)).toEqual(['r1', 'r-new']);
    expect(useRisks.getState().status).toBe('ready');
  });
});
