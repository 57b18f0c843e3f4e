import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { CommandErrorBody, Result } from '../../shared/contracts/envelope';
import type { Finding } from '../../shared/contracts/findings';
import type { HistoryEntry, ResponseRecord } from '../../shared/contracts/responses';
import type { InterviewSession } from '../../shared/contracts/sessions';
import type { SoaRow } from '../../shared/contracts/soa';
import { startTestCore } from '../helpers/core';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
let assessment: Assessment;

const FW = 'iso-iec-42001-2023';
const req = (ref: string) => `${FW}:${ref}`;

async function ok<T>(name: string, payload: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, payload);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function failure(name: string, payload: unknown): Promise<CommandErrorBody> {
  const result: Result<unknown> = await core.dispatcher.dispatch(name, payload);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}

const auditCount = (action?: string) =>
  (
    core.store.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log ${action ? 'WHERE action = ?' : ''}`)
      .get(...(action ? [action] : [])) as { n: number }
  ).n;

const answer = (requirementId: string, extra: Record<string, unknown> = {}) =>
  ok<ResponseRecord>('responses.save', {
    assessmentId: assessment.id,
    requirementId,
    result: 'conformant',
    ...extra,
  });

beforeEach(async () => {
  core = await startTestCore();
  const engagement = await ok<{ id: string }>('engagements.create', {
    clientName: 'Northwind Analytics',
    aimsScope: 'Credit-scoring models',
    leadAssessor: 'R. Costa',
  });
  assessment = await ok<Assessment>('assessments.create', {
    engagementId: engagement.id,
    title: 'Stage 1 readiness',
    excludedAreas: ['A.10'],
  });
});
afterEach(() => core.close());

describe('responses', () => {
  it('refuses N/A without a justification, naming naJustification', async () => {
    const error = await failure('responses.save', {
      assessmentId: assessment.id,
      requirementId: req('4.1'),
      result: 'not-applicable',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => i.path)).toContain('naJustification');
    expect(error.message).toContain('naJustification');
  });

  it('refuses a requirement outside the scope and one that is not assessable', async () => {
    const out = await failure('responses.save', {
      assessmentId: assessment.id,
      requirementId: req('A.10.2'),
      result: 'conformant',
    });
    expect(out.code).toBe('VALIDATION');
    expect(out.message).toMatch(/A\.10\.2 is outside this assessment's scope/);
    const parent = await failure('responses.save', {
      assessmentId: assessment.id,
      requirementId: req('6.1'),
      result: 'conformant',
    });
    expect(parent.details?.issues?.[0]?.path).toBe('requirementId');
  });

  it('moves planned → in progress on the first answer and writes no audit row for an identical save', async () => {
    expect(assessment.status).toBe('planned');
    await answer(req('4.1'), { notes: 'Context register reviewed.' });
    const after = await ok<Assessment>('assessments.get', { id: assessment.id });
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
      assessmentId: assessment.id,
      heldAt: '2026-03-02T10:30:00+01:00',
      interviewees: [{ name: 'Ana Lima', role: 'Head of data science' }],
      attendees: ['R. Costa'],
      requirementIds: [req('4.1')],
      notes: 'Kick-off interview.',
    });
    expect(created).toMatchObject({ requirementIds: [req('4.1')], answerCount: 0 });

    const bad = await failure('sessions.create', {
      assessmentId: assessment.id,
      heldAt: 'yesterday',
    });
    expect(bad.details?.issues?.[0]?.path).toBe('heldAt');
    const notAssessable = await failure('sessions.create', {
      assessmentId: assessment.id,
      heldAt: '2026-03-02T10:30:00Z',
      requirementIds: [req('6.1')],
    });
    expect(notAssessable.details?.issues?.[0]?.path).toBe('requirementIds.0');

    const saved = await answer(req('6.1.2'), { sessionId: created.id });
    expect(saved.sessionId).toBe(created.id);
    const [listed] = await ok<InterviewSession[]>('sessions.list', { assessmentId: assessment.id });
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
    expect(await ok<InterviewSession[]>('sessions.list', { assessmentId: assessment.id })).toEqual(
      [],
    );
    const responses = await ok<ResponseRecord[]>('responses.list', { assessmentId: assessment.id });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.sessionId).toBeNull();
    expect(auditCount('session.delete')).toBe(1);
  });

  it('refuses a session of another assessment on an answer', async () => {
    const other = await ok<Assessment>('assessments.create', {
      engagementId: assessment.engagementId,
      title: 'Other',
    });
    const foreign = await ok<InterviewSession>('sessions.create', {
      assessmentId: other.id,
      heldAt: '2026-03-02T10:30:00Z',
    });
    const error = await failure('responses.save', {
      assessmentId: assessment.id,
      requirementId: req('4.1'),
      result: 'conformant',
      sessionId: foreign.id,
    });
    expect(error.details?.issues?.[0]?.path).toBe('sessionId');
  });
});

describe('findings', () => {
  const base = {
    requirementId: req('6.1.2'),
    grade: 'major',
    statement: 'No AI risk assessment has been performed.',
    owner: 'CISO',
    dueDate: '2026-06-30',
  };

  it('numbers findings F-001, F-002, sets closedAt on close and deletes', async () => {
    const first = await ok<Finding>('findings.create', { assessmentId: assessment.id, ...base });
    const second = await ok<Finding>('findings.create', {
      assessmentId: assessment.id,
      ...base,
      grade: 'observation',
      requirementId: req('A.2.2'),
    });
    expect([first.ref, second.ref]).toEqual(['F-001', 'F-002']);
    expect(first).toMatchObject({ requirementRef: '6.1.2', status: 'open', closedAt: null });

    const missing = await failure('findings.create', {
      assessmentId: assessment.id,
      ...base,
      statement: '  ',
    });
    expect(missing.details?.issues?.[0]).toMatchObject({
      path: 'statement',
      message: 'is required',
    });

    // Since corrective actions (10.2): a finding closes through its action, here by acceptance.
    expect(
      (await failure('findings.update', { id: first.id, ...base, status: 'closed' })).code,
    ).toBe('CONFLICT');
    await ok('correctiveActions.accept', {
      findingId: first.id,
      reason: 'Risk accepted by the board.',
    });
    const [closed] = await ok<Finding[]>('findings.list', { assessmentId: assessment.id });
    expect(closed?.closedAt).not.toBeNull();
    const stillClosed = await ok<Finding>('findings.update', {
      id: first.id,
      ...base,
      status: 'closed',
      owner: 'CTO',
    });
    expect(stillClosed.closedAt).toBe(closed?.closedAt);
    await ok('correctiveActions.reopen', { findingId: first.id, reason: 'It came back.' });
    const reopened = await ok<Finding>('findings.update', {
      id: first.id,
      ...base,
      status: 'in-progress',
    });
    expect(reopened.closedAt).toBeNull();

    await ok('findings.delete', { id: second.id });
    const listed = await ok<Finding[]>('findings.list', { assessmentId: assessment.id });
    expect(listed.map((f) => f.ref)).toEqual(['F-001']);
    // A deleted finding's reference is never handed out again: the log stays unambiguous.
    const third = await ok<Finding>('findings.create', { assessmentId: assessment.id, ...base });
    expect(third.ref).toBe('F-003');
    expect(auditCount('finding.delete')).toBe(1);
  });
});

describe('Statement of Applicability', () => {
  const soaRow = async (ref: string) =>
    (await ok<SoaRow[]>('soa.list', { assessmentId: assessment.id })).find((r) => r.ref === ref);

  it('refuses an exclusion without justification and a requirement that is not a control', async () => {
    const error = await failure('soa.save', {
      assessmentId: assessment.id,
      requirementId: req('A.2.2'),
      applicable: false,
      justification: '',
      implementationStatus: 'not-applicable',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toBe('justification');
    expect((await soaRow('A.2.2'))?.entry).toBeNull();

    const notControl = await failure('soa.save', {
      assessmentId: assessment.id,
      requirementId: req('6.1.2'),
      applicable: true,
      justification: 'Needed.',
      implementationStatus: 'implemented',
    });
    expect(notControl.details?.issues?.[0]?.path).toBe('requirementId');

    const saved = await ok<SoaRow>('soa.save', {
      assessmentId: assessment.id,
      requirementId: req('A.2.2'),
      applicable: false,
      justification: 'No AI policy needed beyond the group policy.',
      implementationStatus: 'not-applicable',
    });
    expect(saved.entry).toMatchObject({ applicable: false, updatedBy: 'tester' });
    expect(auditCount('soa.save')).toBe(1);
  });

  it('lists all 38 controls and suggests decisions from answers and risks, then accepts them', async () => {
    const rows = await ok<SoaRow[]>('soa.list', { assessmentId: assessment.id });
    expect(rows).toHaveLength(38);
    expect(new Set(rows.map((r) => r.area))).toEqual(
      new Set(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']),
    );

    await ok('assessments.update', {
      id: assessment.id,
      title: assessment.title,
      excludedAreas: [],
    });
    await answer(req('A.10.3'), {
      result: 'not-applicable',
      naJustification: 'No suppliers of AI.',
    });
    expect((await soaRow('A.10.3'))?.suggestion).toEqual({
      applicable: false,
      justification: 'No suppliers of AI.',
      implementationStatus: 'not-applicable',
    });

    const now = new Date().toISOString();
    const riskId = '01900000-0000-7000-8000-000000000001';
    core.store.sqlite
      .prepare(
        `INSERT INTO risks (id, engagement_id, ref, title, likelihood, impact, inherent_score, inherent_band,
           criteria_version, status, created_at, updated_at, updated_by)
         VALUES (?, ?, 'R-003', 'Biased credit decisions', 3, 4, 12, 'high', 1, 'open', ?, ?, 'tester')`,
      )
      .run(riskId, assessment.engagementId, now, now);
    core.store.sqlite
      .prepare('INSERT INTO risk_controls (risk_id, requirement_id) VALUES (?, ?)')
      .run(riskId, req('A.7.4'));
    const withRisk = await soaRow('A.7.4');
    expect(withRisk?.risks).toEqual([
      { id: riskId, ref: 'R-003', title: 'Biased credit decisions' },
    ]);
    expect(withRisk?.suggestion.applicable).toBe(true);
    expect(withRisk?.suggestion.justification).toContain('R-003 (Biased credit decisions)');

    const outcome = await ok<{ accepted: number; needJustification: number }>(
      'soa.acceptSuggestions',
      { assessmentId: assessment.id },
    );
    expect(outcome).toEqual({ accepted: 2, needJustification: 36 });
    expect((await soaRow('A.10.3'))?.entry).toMatchObject({
      applicable: false,
      justification: 'No suppliers of AI.',
    });
    expect((await soaRow('A.7.4'))?.entry?.applicable).toBe(true);
    expect(await ok('soa.acceptSuggestions', { assessmentId: assessment.id })).toEqual({
      accepted: 0,
      needJustification: 36,
    });
  });
});

describe('final assessments and history', () => {
  it('refuses changes when final; reopening needs final and records the reason', async () => {
    await answer(req('4.1'));
    const notFinal = await failure('assessments.reopen', { id: assessment.id, reason: 'Typo' });
    expect(notFinal.code).toBe('VALIDATION');

    await ok('assessments.setStatus', { id: assessment.id, status: 'final' });
    const refusals = await Promise.all([
      failure('responses.save', {
        assessmentId: assessment.id,
        requirementId: req('4.2'),
        result: 'conformant',
      }),
      failure('findings.create', {
        assessmentId: assessment.id,
        requirementId: req('4.1'),
        grade: 'minor',
        statement: 'Late.',
      }),
      failure('soa.save', {
        assessmentId: assessment.id,
        requirementId: req('A.2.2'),
        applicable: true,
        justification: 'Needed.',
        implementationStatus: 'implemented',
      }),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(['READ_ONLY', 'READ_ONLY', 'READ_ONLY']);

    const reopened = await ok<Assessment>('assessments.reopen', {
      id: assessment.id,
      reason: 'Client sent the missing risk register.',
    });
    expect(reopened.status).toBe('in-review');
    const row = core.store.sqlite
      .prepare(`SELECT after_json AS a FROM audit_log WHERE action = 'assessment.reopen'`)
      .get() as { a: string };
    expect(JSON.parse(row.a)).toMatchObject({
      status: 'in-review',
      reason: 'Client sent the missing risk register.',
    });
    await answer(req('4.2'));
  });

  it('returns the response, finding and SoA changes of one requirement, newest first', async () => {
    await ok('assessments.update', {
      id: assessment.id,
      title: assessment.title,
      excludedAreas: [],
    });
    const control = req('A.6.2.4');
    await answer(control, { result: 'partially-conformant' });
    await answer(req('4.1'));
    const finding = await ok<Finding>('findings.create', {
      assessmentId: assessment.id,
      requirementId: control,
      grade: 'minor',
      statement: 'Verification is informal.',
    });
    await ok('soa.save', {
      assessmentId: assessment.id,
      requirementId: control,
      applicable: true,
      justification: 'Models are developed in-house.',
      implementationStatus: 'partially-implemented',
    });
    await answer(control, { result: 'nonconformant' });
    await ok('findings.delete', { id: finding.id });

    const history = await ok<HistoryEntry[]>('responses.history', {
      assessmentId: assessment.id,
      requirementId: control,
    });
    expect(history.map((h) => h.action)).toEqual([
      'finding.delete',
      'response.save',
      'soa.save',
      'finding.create',
      'response.save',
    ]);
    expect(history.map((h) => h.seq)).toEqual([...history.map((h) => h.seq)].sort((a, b) => b - a));
    expect(history[1]).toMatchObject({
      actor: 'tester',
      before: { result: 'partially-conformant' },
      after: { result: 'nonconformant' },
    });
  });
});
