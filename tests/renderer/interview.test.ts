import { beforeEach, describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../../shared/contracts/responses';
import { results } from '../../shared/domain/assessment';
import { progressSignature, useInterview } from '../../renderer/src/stores/interview';
import { installFakeApi, settle, type FakeApi } from './fake-api';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useInterview.setState({
    assessmentId: null,
    drafts: {},
    saved: {},
    saveState: {},
    saveError: {},
    loading: false,
    loadError: null,
  });
});

const REQ = 'iso-iec-42001-2023:4.1';

function anAnswer(assessmentId: string, change: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    assessmentId,
    requirementId: REQ,
    result: 'conformant',
    maturity: null,
    notes: '',
    naJustification: '',
    interviewees: [],
    followUp: false,
    sessionId: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'tester',
    ...change,
  };
}

const forAssessment = (id: string) => (input: { assessmentId: string }) =>
  input.assessmentId === id;

describe('the interview store', () => {
  it("keeps B's answers when a late responses.list for A arrives after B was opened", async () => {
    void useInterview.getState().load('a');
    void useInterview.getState().load('b');
    await fake.answer('responses.list', [anAnswer('b', { notes: 'B notes' })], forAssessment('b'));
    await fake.answer('responses.list', [anAnswer('a', { notes: 'A notes' })], forAssessment('a'));
    const state = useInterview.getState();
    expect(state.assessmentId).toBe('b');
    expect(state.drafts[REQ]?.notes).toBe('B notes');
    expect(state.saved[REQ]?.assessmentId).toBe('b');
  });

  it("never saves A's notes into B when A's list arrives while B's is still loading", async () => {
    void useInterview.getState().load('a');
    void useInterview.getState().load('b');
    await fake.answer('responses.list', [anAnswer('a', { notes: 'A notes' })], forAssessment('a'));
    expect(useInterview.getState().drafts[REQ]).toBeUndefined();
    await fake.answer('responses.list', [], forAssessment('b'));
    useInterview.getState().edit(REQ, { result: 'nonconformant' }, true);
    await settle();
    const save = fake.sent.find((c) => c.command === 'responses.save');
    expect(save?.input).toMatchObject({ assessmentId: 'b', notes: '', result: 'nonconformant' });
  });

  it('shows no load error of an assessment the user has left', async () => {
    void useInterview.getState().load('a');
    void useInterview.getState().load('b');
    await fake.answer('responses.list', [], forAssessment('b'));
    await fake.fail('responses.list', 'A is gone', forAssessment('a'));
    expect(useInterview.getState().loadError).toBeNull();
    expect(useInterview.getState().loading).toBe(false);
  });

  it("does not put a save answered for A into B's answers", async () => {
    void useInterview.getState().load('a');
    await fake.answer('responses.list', [], forAssessment('a'));
    useInterview.getState().edit(REQ, { result: 'conformant', notes: 'A notes' }, true);
    await settle();
    void useInterview.getState().load('b');
    await fake.answer('responses.list', [], forAssessment('b'));
    await fake.answer('responses.save', anAnswer('a', { notes: 'A notes' }));
    const state = useInterview.getState();
    expect(state.saved[REQ]).toBeUndefined();
    expect(state.saveState[REQ]).toBeUndefined();
  });

  it('saves what was typed in A before opening B, under A', async () => {
    void useInterview.getState().load('a');
    await fake.answer('responses.list', [], forAssessment('a'));
    useInterview.getState().edit(REQ, { notes: 'typed in A' });
    void useInterview.getState().load('b');
    await settle();
    const save = fake.sent.find((c) => c.command === 'responses.save');
    expect(save?.input).toMatchObject({ assessmentId: 'a', notes: 'typed in A' });
  });
});

describe('saving while a save is on its way', () => {
  const savesOf = (id: string) =>
    fake.sent
      .filter((c) => c.command === 'responses.save')
      .map((c) => c.input as { assessmentId: string; notes: string })
      .filter((i) => i.assessmentId === id)
      .map((i) => i.notes);

  it('sends the newest draft once after the save in flight, not every keystroke', async () => {
    void useInterview.getState().load('d');
    await fake.answer('responses.list', [], forAssessment('d'));
    useInterview.getState().edit(REQ, { notes: 'one' }, true);
    useInterview.getState().edit(REQ, { notes: 'two' }, true);
    useInterview.getState().edit(REQ, { notes: 'three' }, true);
    expect(savesOf('d')).toEqual(['one']);
    await fake.answer('responses.save', anAnswer('d', { notes: 'one' }));
    expect(savesOf('d')).toEqual(['one', 'three']);
    await fake.answer('responses.save', anAnswer('d', { notes: 'three' }));
    expect(useInterview.getState().saveState[REQ]).toBe('saved');
  });

  it('keeps a change typed during a save in A when B is opened before that save is answered', async () => {
    void useInterview.getState().load('f');
    await fake.answer('responses.list', [], forAssessment('f'));
    useInterview.getState().edit(REQ, { notes: 'first' }, true);
    useInterview.getState().edit(REQ, { notes: 'first and more' });
    void useInterview.getState().load('g');
    await fake.answer('responses.list', [], forAssessment('g'));
    await fake.answer('responses.save', anAnswer('f', { notes: 'first' }));
    expect(savesOf('f')).toEqual(['first', 'first and more']);
    await fake.answer('responses.save', anAnswer('f', { notes: 'first and more' }));
    expect(useInterview.getState().assessmentId).toBe('g');
    expect(useInterview.getState().saved).toEqual({});
  });
});

describe("the header's progress", () => {
  const saved = (change: Partial<ResponseRecord>) => ({ [REQ]: anAnswer('a', change) });

  it('refreshes on every change of result, whatever letter the results start with', () => {
    for (const from of results) {
      for (const to of results) {
        if (from === to) continue;
        expect(progressSignature(saved({ result: from }))).not.toBe(
          progressSignature(saved({ result: to })),
        );
      }
    }
  });

  it('refreshes when a follow-up flag changes', () => {
    expect(progressSignature(saved({ followUp: true }))).not.toBe(
      progressSignature(saved({ followUp: false })),
    );
  });

  it('refreshes when a save lands that changes nonconformant to not assessed', async () => {
    void useInterview.getState().load('c');
    await fake.answer('responses.list', [anAnswer('c', { result: 'nonconformant' })]);
    const before = progressSignature(useInterview.getState().saved);
    useInterview.getState().edit(REQ, { result: 'not-assessed' }, true);
    await fake.answer('responses.save', anAnswer('c', { result: 'not-assessed' }));
    expect(progressSignature(useInterview.getState().saved)).not.toBe(before);
  });
});
