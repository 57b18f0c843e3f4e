import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { ResponseRecord } from '../../shared/contracts/responses';
import type { InterviewSession } from '../../shared/contracts/sessions';
import {
  fx,
  req,
  ok,
  failure,
  auditCount,
  answer,
  useAssessmentFixture,
} from '../helpers/assessment-fixture';

useAssessmentFixture();

describe('responses', () => {
  it('refuses N/A without a justification, naming naJustification', async () => {
    const error = await failure('responses.save', {
      assessmentId: fx.assessment.id,
      requirementId: req('4.1'),
      result: 'not-applicable',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => i.path)).toContain('naJustification');
    expect(error.message).toContain('naJustification');
  });

  it('refuses a requirement outside the scope and one that is not assessable', async () => {
    const out = await failure('responses.save', {
      assessmentId: fx.assessment.id,
      requirementId: req('A.10.2'),
      result: 'conformant',
    });
    expect(out.code).toBe('VALIDATION');
    expect(out.message).toMatch(/A\.10\.2 is outside this assessment's scope/);
    const parent = await failure('responses.save', {
      assessmentId: fx.assessment.id,
      requirementId: req('6.1'),
      result: 'conformant',
    });
    expect(parent.details?.issues?.[0]?.path).toBe('requirementId');
  });

  it('moves planned → in progress on the first answer and writes no audit row for an identical save', async () => {
    expect(fx.assessment.status).toBe('planned');
    await answer(req('4.1'), { notes: 'Context register reviewed.' });
    const after = await ok<Assessment>('assessments.get', { id: fx.assessment.id });
    expect(after.status).toBe('in-progress');
    expect(after.progress.assessed).toBe(1);

    const rows = auditCount('response.save');
    expect(rows).toBe(1);
    await answer(req('4.1'), { notes: 'Context register reviewed.' });
    expect(auditCount('response.save')).toBe(1);
    await answer(req('4.1'), { notes: 'Context register reviewed twice.' });
    expect(auditCount('response.save')).toBe(2);
  });
});

describe('sessions', () => {
  it('creates, updates and deletes a session; answers remember it and extend its coverage', async () => {
    const created = await ok<InterviewSession>('sessions.create', {
      assessmentId: fx.assessment.id,
      heldAt: '2026-03-02T10:30:00+01:00',
      interviewees: [{ name: 'Ana Lima', role: 'Head of data science' }],
      attendees: ['R. Costa'],
      requirementIds: [req('4.1')],
      notes: 'Kick-off interview.',
    });
    expect(created).toMatchObject({ requirementIds: [req('4.1')], answerCount: 0 });

    const bad = await failure('sessions.create', {
      assessmentId: fx.assessment.id,
      heldAt: 'yesterday',
    });
    expect(bad.details?.issues?.[0]?.path).toBe('heldAt');
    const notAssessable = await failure('sessions.create', {
      assessmentId: fx.assessment.id,
      heldAt: '2026-03-02T10:30:00Z',
      requirementIds: [req('6.1')],
    });
    expect(notAssessable.details?.issues?.[0]?.path).toBe('requirementIds.0');

    const saved = await answer(req('6.1.2'), { sessionId: created.id });
    expect(saved.sessionId).toBe(created.id);
    const [listed] = await ok<InterviewSession[]>('sessions.list', {
      assessmentId: fx.assessment.id,
    });
    expect(listed?.requirementIds).toEqual([req('4.1'), req('6.1.2')]);
    expect(listed?.answerCount).toBe(1);

    const updated = await ok<InterviewSession>('sessions.update', {
      id: created.id,
      heldAt: '2026-03-02T11:00:00+01:00',
      interviewees: [
        { name: 'Ana Lima', role: 'Head of data science' },
        { name: 'Joe Park', role: 'DPO' },
      ],
      attendees: [],
      requirementIds: [req('4.1'), req('6.1.2'), req('A.2.2')],
      notes: '',
    });
    expect(updated.interviewees).toHaveLength(2);
    expect(updated.requirementIds).toEqual([req('4.1'), req('6.1.2'), req('A.2.2')]);
    expect(auditCount('session.update')).toBe(1);

    expect(await ok('sessions.delete', { id: created.id })).toEqual({ ok: true });
    expect(
      await ok<InterviewSession[]>('sessions.list', { assessmentId: fx.assessment.id }),
    ).toEqual([]);
    const responses = await ok<ResponseRecord[]>('responses.list', {
      assessmentId: fx.assessment.id,
    });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.sessionId).toBeNull();
    expect(auditCount('session.delete')).toBe(1);
  });

  it('refuses a session of another assessment on an answer', async () => {
    const other = await ok<Assessment>('assessments.create', {
      engagementId: fx.assessment.engagementId,
      title: 'Other',
    });
    const foreign = await ok<InterviewSession>('sessions.create', {
      assessmentId: other.id,
      heldAt: '2026-03-02T10:30:00Z',
    });
    const error = await failure('responses.save', {
      assessmentId: fx.assessment.id,
      requirementId: req('4.1'),
      result: 'conformant',
      sessionId: foreign.id,
    });
    expect(error.details?.issues?.[0]?.path).toBe('sessionId');
  });
});
