import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { lastYear, req } from '../helpers/cycle';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

const today = () => new Date().toISOString().slice(0, 10);

describe('management reviews', () => {
  it('compile their inputs from Assay’s records, freeze them when held, and carry open decisions to the next', async () => {
    const { ok, fail } = caller(core);
    const before = await lastYear(core);
    const engagementId = before.engagementId;
    await ok('correctiveActions.accept', {
      findingId: before.findings['F-002'] ?? '',
      reason: 'Moved to the supplier contract.',
    });
    await ok('risks.create', { engagementId, title: 'Model drift', likelihood: 3, impact: 4 });
    const inputs = await ok('managementReviews.inputs', { engagementId });
    expect(inputs.since).toBeNull();
    expect(inputs.findings.find((f) => f.grade === 'major')).toEqual({
      grade: 'major',
      raised: 1,
      closed: 0,
      open: 1,
    });
    expect(inputs.findings.find((f) => f.grade === 'minor')).toMatchObject({ closed: 1, open: 0 });
    expect(inputs.correctiveActions.byStatus.accepted).toBe(1);
    expect(inputs.risks).toMatchObject({ total: 1, added: 1 });
    expect(inputs.readiness.map((p) => p.title)).toEqual(['Gap assessment 2025']);

    const planned = await ok('managementReviews.save', {
      engagementId,
      title: 'Management review Q1',
      plannedOn: today(),
    });
    expect(planned.inputs).toBeNull();
    const held = await ok('managementReviews.save', {
      id: planned.id,
      engagementId,
      title: 'Management review Q1',
      heldOn: today(),
      status: 'held',
      chair: 'Chief executive',
      attendees: ['Priya Raman', 'Samuel Osei'],
      resources: 'One more risk analyst.',
      decisions: [
        { text: 'Fund the risk office', owner: 'CFO', dueDate: '2020-01-31' },
        { text: 'Publish the AI policy', owner: 'Aisha Bello', status: 'done' },
      ],
    });
    expect(held.inputs?.findings).toEqual(inputs.findings);
    // Later records do not change what was reviewed.
    await ok('findings.create', {
      assessmentId: (
        await ok('cycle.startNext', { assessmentId: before.assessment.id, title: 'Next' })
      ).id,
      requirementId: req('7.2'),
      grade: 'major',
      statement: 'No competence records.',
    });
    const [again] = await ok('managementReviews.list', { engagementId });
    expect(again?.inputs?.findings).toEqual(inputs.findings);
    expect(
      (await fail('managementReviews.save', { id: held.id, engagementId, title: 'x' })).code,
    ).toBe('CONFLICT');

    const next = await ok('managementReviews.inputs', { engagementId });
    expect(next.since).toBe(today());
    expect(next.previousActions).toEqual([
      expect.objectContaining({ text: 'Fund the risk office', overdue: true, status: 'open' }),
      expect.objectContaining({ text: 'Publish the AI policy', overdue: false, status: 'done' }),
    ]);
    expect(
      (
        await fail('managementReviews.save', {
          engagementId,
          title: 'Undated',
          status: 'held',
        })
      ).details?.issues?.[0]?.path,
    ).toBe('heldOn');
  });
});
