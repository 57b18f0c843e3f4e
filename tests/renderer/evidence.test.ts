import { beforeEach, describe, expect, it } from 'vitest';
import { useEvidence } from '../../renderer/src/stores/evidence';
import { installFakeApi, type FakeApi } from './fake-api';
import { anEvidenceDetail, anEvidenceItem } from './fixtures';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useEvidence.setState(useEvidence.getInitialState(), true);
});

const ofEngagement = (id: string) => (input: { engagementId: string }) => input.engagementId === id;

describe('the evidence store', () => {
  it('never shows the list of an engagement the user has left', async () => {
    useEvidence.getState().setEngagement('e1');
    useEvidence.getState().setEngagement('e2');
    await fake.answer(
      'evidence.list',
      [anEvidenceItem('x2', { engagementId: 'e2' })],
      ofEngagement('e2'),
    );
    await fake.answer(
      'evidence.list',
      [anEvidenceItem('x1', { engagementId: 'e1' })],
      ofEngagement('e1'),
    );
    expect(useEvidence.getState().items.map((i) => i.id)).toEqual(['x2']);
  });

  it('shows no failure of the engagement the user has left', async () => {
    useEvidence.getState().setEngagement('e1');
    useEvidence.getState().setEngagement('e2');
    await fake.answer('evidence.list', [anEvidenceItem('x2')], ofEngagement('e2'));
    await fake.fail('evidence.list', 'e1 went away', ofEngagement('e1'));
    expect(useEvidence.getState()).toMatchObject({ status: 'ready', error: null });
  });

  it('drops a late answer for a list cleared meanwhile', async () => {
    useEvidence.getState().setEngagement('e1');
    useEvidence.getState().setEngagement(null);
    await fake.answer('evidence.list', [anEvidenceItem('x1')]);
    expect(useEvidence.getState()).toMatchObject({ items: [], status: 'idle' });
  });

  it('keeps the list of the filter chosen last when an earlier filter answers later', async () => {
    useEvidence.getState().setEngagement('e1');
    await fake.answer('evidence.list', [anEvidenceItem('a'), anEvidenceItem('b')]);
    useEvidence.getState().setFilters({ text: 'pol' });
    useEvidence.getState().setFilters({ text: 'policy' });
    const byText = (text: string) => (input: { text?: string }) => input.text === text;
    await fake.answer('evidence.list', [anEvidenceItem('b')], byText('policy'));
    await fake.answer('evidence.list', [anEvidenceItem('a'), anEvidenceItem('b')], byText('pol'));
    expect(useEvidence.getState().items.map((i) => i.id)).toEqual(['b']);
  });

  it('tells every panel when a link changes and reloads the list', async () => {
    useEvidence.getState().setEngagement('e1');
    await fake.answer('evidence.list', []);
    const linking = useEvidence.getState().link('x1', { riskId: 'r1' });
    expect(fake.sent.at(-1)).toEqual({
      command: 'evidence.link',
      input: { evidenceId: 'x1', riskId: 'r1' },
    });
    await fake.answer('evidence.link', anEvidenceDetail('x1'));
    await linking;
    expect(useEvidence.getState().version).toBe(1);
    await fake.answer('evidence.list', [anEvidenceItem('x1', { linkCount: 1 })]);
    expect(useEvidence.getState().items[0]?.linkCount).toBe(1);
  });

  it('leaves the version alone when a change fails', async () => {
    const refused = expect(useEvidence.getState().remove('x1')).rejects.toThrow('final assessment');
    await fake.fail('evidence.delete', 'The item is linked from a final assessment.');
    await refused;
    expect(useEvidence.getState().version).toBe(0);
  });
});
