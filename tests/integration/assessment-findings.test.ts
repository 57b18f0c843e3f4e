import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/contracts/findings';
import {
  fx,
  req,
  ok,
  failure,
  auditCount,
  useAssessmentFixture,
} from '../helpers/assessment-fixture';

useAssessmentFixture();

describe('findings', () => {
  const base = {
    requirementId: req('6.1.2'),
    grade: 'major',
    statement: 'No AI risk assessment has been performed.',
    owner: 'CISO',
    dueDate: '2026-06-30',
  };

  it('numbers findings F-001, F-002, sets closedAt on close and deletes', async () => {
    const first = await ok<Finding>('findings.create', { assessmentId: fx.assessment.id, ...base });
    const second = await ok<Finding>('findings.create', {
      assessmentId: fx.assessment.id,
      ...base,
      grade: 'observation',
      requirementId: req('A.2.2'),
    });
    expect([first.ref, second.ref]).toEqual(['F-001', 'F-002']);
    expect(first).toMatchObject({ requirementRef: '6.1.2', status: 'open', closedAt: null });

    const missing = await failure('findings.create', {
      assessmentId: fx.assessment.id,
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
    const [closed] = await ok<Finding[]>('findings.list', { assessmentId: fx.assessment.id });
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
    const listed = await ok<Finding[]>('findings.list', { assessmentId: fx.assessment.id });
    expect(listed.map((f) => f.ref)).toEqual(['F-001']);
    // A deleted finding's reference is never handed out again: the log stays unambiguous.
    const third = await ok<Finding>('findings.create', { assessmentId: fx.assessment.id, ...base });
    expect(third.ref).toBe('F-003');
    expect(auditCount('finding.delete')).toBe(1);
  });
});
