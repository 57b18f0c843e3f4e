import { beforeEach, describe, expect, it } from 'vitest';
import { useAssessments } from '../../renderer/src/stores/assessments';
import { useWorkspace } from '../../renderer/src/stores/workspace';
import { installFakeApi, settle, type FakeApi } from './fake-api';
import { anAssessment } from './fixtures';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useWorkspace.setState(useWorkspace.getInitialState(), true);
  useAssessments.setState(useAssessments.getInitialState(), true);
});

const forId = (id: string) => (input: { id: string }) => input.id === id;

describe('the workspace store', () => {
  it('keeps the assessment opened last when the earlier one answers later', async () => {
    void useWorkspace.getState().open('a');
    void useWorkspace.getState().open('b');
    await fake.answer('assessments.get', anAssessment('b'), forId('b'));
    await fake.answer('assessments.get', anAssessment('a'), forId('a'));
    expect(useWorkspace.getState().assessment?.id).toBe('b');
  });

  it('shows no error of an assessment the user has left', async () => {
    void useWorkspace.getState().open('a');
    void useWorkspace.getState().open('b');
    await fake.answer('assessments.get', anAssessment('b'), forId('b'));
    await fake.fail('assessments.get', 'A is gone', forId('a'));
    expect(useWorkspace.getState().error).toBeNull();
    expect(useWorkspace.getState().assessment?.id).toBe('b');
  });

  it('does not let a late refresh of the same assessment undo a newer one', async () => {
    useWorkspace.setState({ assessment: anAssessment('a') });
    void useWorkspace.getState().refresh();
    void useWorkspace.getState().refresh();
    const newer = anAssessment('a', { progress: { assessed: 2, total: 10, flagged: 0 } });
    const older = anAssessment('a', { progress: { assessed: 1, total: 10, flagged: 0 } });
    const [first, second] = fake.pending;
    second?.resolve(newer);
    first?.resolve(older);
    await settle();
    expect(useWorkspace.getState().assessment?.progress.assessed).toBe(2);
  });

  it('lists a change saved for an assessment the user has left without opening it again', async () => {
    useWorkspace.setState({ assessment: anAssessment('a') });
    const saving = useWorkspace.getState().setStatus('a', 'in-review');
    void useWorkspace.getState().open('b');
    await fake.answer('assessments.get', anAssessment('b'));
    await fake.answer('assessments.setStatus', anAssessment('a', { status: 'in-review' }));
    await saving;
    expect(useWorkspace.getState().assessment?.id).toBe('b');
    expect(useAssessments.getState().items.find((x) => x.id === 'a')?.status).toBe('in-review');
  });

  it('shows a change to the open assessment at once', async () => {
    useWorkspace.setState({ assessment: anAssessment('a') });
    const saving = useWorkspace.getState().update('a', { title: 'Renamed' });
    await fake.answer('assessments.update', anAssessment('a', { title: 'Renamed' }));
    await saving;
    expect(useWorkspace.getState().assessment?.title).toBe('Renamed');
    expect(fake.sent.at(-1)).toEqual({
      command: 'assessments.update',
      input: { id: 'a', title: 'Renamed' },
    });
  });
});
