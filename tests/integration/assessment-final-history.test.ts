import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { Finding } from '../../shared/contracts/findings';
import type { HistoryEntry } from '../../shared/contracts/responses';
import { fx, req, ok, failure, answer, useAssessmentFixture } from '../helpers/assessment-fixture';

useAssessmentFixture();

describe('final assessments and history', () => {
  it('refuses changes when final; reopening needs final and records the reason', async () => {
    await answer(req('4.1'));
    const notFinal = await failure('assessments.reopen', { id: fx.assessment.id, reason: 'Typo' });
    expect(notFinal.code).toBe('VALIDATION');

    await ok('assessments.setStatus', { id: fx.assessment.id, status: 'final' });
    const refusals = await Promise.all([
      failure('responses.save', {
        assessmentId: fx.assessment.id,
        requirementId: req('4.2'),
        result: 'conformant',
      }),
      failure('findings.create', {
        assessmentId: fx.assessment.id,
        requirementId: req('4.1'),
        grade: 'minor',
        statement: 'Late.',
      }),
      failure('soa.save', {
        assessmentId: fx.assessment.id,
        requirementId: req('A.2.2'),
        applicable: true,
        justification: 'Needed.',
        implementationStatus: 'implemented',
      }),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(['READ_ONLY', 'READ_ONLY', 'READ_ONLY']);

    const reopened = await ok<Assessment>('assessments.reopen', {
      id: fx.assessment.id,
      reason: 'Client sent the missing risk register.',
    });
    expect(reopened.status).toBe('in-review');
    const row = fx.core.store.sqlite
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
      id: fx.assessment.id,
      title: fx.assessment.title,
      excludedAreas: [],
    });
    const control = req('A.6.2.4');
    await answer(control, { result: 'partially-conformant' });
    await answer(req('4.1'));
    const finding = await ok<Finding>('findings.create', {
      assessmentId: fx.assessment.id,
      requirementId: control,
      grade: 'minor',
      statement: 'Verification is informal.',
    });
    await ok('soa.save', {
      assessmentId: fx.assessment.id,
      requirementId: control,
      applicable: true,
      justification: 'Models are developed in-house.',
      implementationStatus: 'partially-implemented',
    });
    await answer(control, { result: 'nonconformant' });
    await ok('findings.delete', { id: finding.id });

    const history = await ok<HistoryEntry[]>('responses.history', {
      assessmentId: fx.assessment.id,
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
