/**
 * The Risks screen starts reading the remembered engagement's register when it opens, beside the
 * list of engagements, instead of after it (a cold start of a 10,000-risk register waited a round
 * trip for nothing). If that engagement is gone, the early read stays quiet: no error shows, and
 * the picker's own choice of engagement reads the register as before.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FIRST_RISKS, useRisks } from '../../renderer/src/stores/risks';
import { installFakeApi, settle, type FakeApi } from './fake-api';
import { aRisk, riskCriteria } from './fixtures';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useRisks.setState({ ...useRisks.getInitialState(), engagementId: 'e1' }, true);
});

const commands = () => fake.pending.map((c) => c.command).sort();

describe('opening the Risks screen on a remembered engagement', () => {
  it('reads its register at once, first rows first', async () => {
    void useRisks.getState().openRemembered();
    await settle();
    expect(commands()).toEqual([
      'aiSystems.list',
      'impactAssessments.list',
      'riskCriteria.get',
      'risks.list',
    ]);
    expect(fake.pending.find((c) => c.command === 'risks.list')?.input).toEqual({
      engagementId: 'e1',
      limit: FIRST_RISKS,
    });
    await fake.answer('aiSystems.list', []);
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('impactAssessments.list', []);
    await fake.answer('risks.list', [aRisk('r1', { engagementId: 'e1' })]);
    await settle();
    expect(useRisks.getState()).toMatchObject({ status: 'ready', error: null });
    expect(useRisks.getState().risks.map((r) => r.id)).toEqual(['r1']);
  });

  it("on a cold start, reads the rest of a large register only once the screen's code came", async () => {
    let codeCame = () => {};
    const code = new Promise<void>((resolve) => (codeCame = resolve));
    void useRisks.getState().openRemembered(code);
    await settle();
    await fake.answer('aiSystems.list', []);
    await fake.answer('riskCriteria.get', riskCriteria('e1'));
    await fake.answer('impactAssessments.list', []);
    const register = Array.from({ length: FIRST_RISKS + 1 }, (_, i) =>
      aRisk(`r${i}`, { engagementId: 'e1' }),
    );
    await fake.answer('risks.list', register.slice(0, FIRST_RISKS));
    await settle();
    expect(useRisks.getState()).toMatchObject({ status: 'ready', risksLoading: true });
    // The main side answers one request at a time: the whole register now would hold back the
    // screen's code it serves too.
    expect(fake.pending).toEqual([]);
    codeCame();
    await settle();
    expect(commands()).toEqual(['risks.list']);
    await fake.answer('risks.list', register);
    expect(useRisks.getState()).toMatchObject({ status: 'ready', risksLoading: false });
  });

  it('does nothing when the register is already being read or shown', async () => {
    useRisks.setState({ status: 'ready' });
    await useRisks.getState().openRemembered();
    expect(fake.sent).toEqual([]);
  });

  it('stays quiet when the remembered engagement is gone, and the chosen one is read', async () => {
    void useRisks.getState().openRemembered();
    await settle();
    await fake.fail('riskCriteria.get', 'Engagement not found.');
    await settle();
    expect(useRisks.getState()).toMatchObject({ status: 'idle', error: null });
    // The picker, once the engagements are listed, chooses one that exists.
    void useRisks.getState().choose('e2');
    await settle();
    // The early read's other answers come late and must not land in e2's register.
    await fake.answer(
      'risks.list',
      [aRisk('old', { engagementId: 'e1' })],
      (i) => i.engagementId === 'e1',
    );
    await fake.answer('aiSystems.list', [], (i) => i.engagementId === 'e2');
    await fake.answer('riskCriteria.get', riskCriteria('e2'));
    await fake.answer('impactAssessments.list', [], (i) => i.engagementId === 'e2');
    await fake.answer(
      'risks.list',
      [aRisk('r2', { engagementId: 'e2' })],
      (i) => i.engagementId === 'e2',
    );
    await settle();
    expect(useRisks.getState()).toMatchObject({ engagementId: 'e2', status: 'ready', error: null });
    expect(useRisks.getState().risks.map((r) => r.id)).toEqual(['r2']);
  });

  it('a later reload that fails still says so', async () => {
    void useRisks.getState().reload();
    await settle();
    await fake.fail('riskCriteria.get', 'The store is busy.');
    await settle();
    expect(useRisks.getState()).toMatchObject({ status: 'error', error: 'The store is busy.' });
  });
});
