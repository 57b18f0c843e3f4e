import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { lastYear, req } from '../helpers/cycle';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

/** Timestamps are milliseconds: a pause keeps "before" and "after" events apart. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const risk = (engagementId: string, title: string, likelihood: number, impact: number) => ({
  engagementId,
  title,
  likelihood,
  impact,
});

describe('comparing two cycles of an engagement', () => {
  it('counts improved, worsened, unchanged, new and not compared on a constructed pair', async () => {
    const { ok } = caller(core);
    // Last year: 4.1 C, 5.2 P, 6.1.2 NC, A.6.2.4 P, A.2.2 N/A; A.10 out of scope.
    const before = await lastYear(core);
    const keep = await ok('risks.create', risk(before.engagementId, 'Drift in scoring', 2, 2));
    const gone = await ok('risks.create', risk(before.engagementId, 'Chatbot leaks data', 3, 3));
    await ok('risks.create', risk(before.engagementId, 'Bias in CV screening', 4, 4));
    // The risks above predate last year's finalisation; make last year final again after them.
    await ok('assessments.reopen', { id: before.assessment.id, reason: 'Risks added late' });
    await ok('assessments.setStatus', { id: before.assessment.id, status: 'final' });
    await tick();
    const after = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    await ok('assessments.update', { id: after.id, title: after.title, excludedAreas: [] });
    const answers: [string, string][] = [
      ['4.1', 'partially-conformant'], // worsened
      ['5.2', 'conformant'], // improved
      ['6.1.2', 'conformant'], // improved
      ['A.6.2.4', 'partially-conformant'], // unchanged
      ['A.2.2', 'conformant'], // new: applies now
      ['7.2', 'conformant'], // new: not assessed last time
      ['A.10.2', 'nonconformant'], // new: newly in scope
    ];
    for (const [ref, result] of answers) {
      await ok('responses.save', {
        assessmentId: after.id,
        requirementId: req(ref),
        result: result as 'conformant',
      });
    }
    const raised = await ok('findings.create', {
      assessmentId: after.id,
      requirementId: req('4.1'),
      grade: 'minor',
      statement: 'The context analysis was not revisited after the new product line.',
    });
    await ok('soa.save', {
      assessmentId: after.id,
      requirementId: req('A.2.2'),
      applicable: true,
      justification: 'The AI policy now sits inside the AIMS.',
      implementationStatus: 'implemented',
    });
    await ok('risks.update', { id: keep.id, title: keep.title, likelihood: 4, impact: 5 });
    await ok('risks.delete', { id: gone.id });
    await ok('risks.create', risk(before.engagementId, 'Model supplier stops support', 2, 3));

    const compared = await ok('comparison.compare', { a: after.id, b: before.assessment.id });
    expect(compared.swapped).toBe(true);
    expect(compared.before.id).toBe(before.assessment.id);
    expect(compared.after.id).toBe(after.id);
    expect(compared.counts).toEqual({
      improved: 2,
      worsened: 1,
      unchanged: 1,
      new: 3,
      'not-compared': 70 - 7,
    });
    const row = (ref: string) => compared.requirements.find((r) => r.ref === ref);
    expect(row('6.1.2')).toMatchObject({
      before: 'nonconformant',
      after: 'conformant',
      change: 'improved',
    });
    expect(row('A.10.2')).toMatchObject({ before: null, change: 'new', note: 'newly in scope' });
    expect(row('8.1')).toMatchObject({ change: 'not-compared', note: 'not assessed yet' });

    expect(compared.findings.opened.map((f) => f.id)).toEqual([raised.id]);
    expect(compared.findings.stillOpen.map((f) => f.ref)).toEqual(['F-001', 'F-002', 'F-003']);
    expect(compared.soa).toEqual([expect.objectContaining({ ref: 'A.2.2', change: 'included' })]);
    expect(compared.risks).toMatchObject({
      before: 3,
      after: 3,
      counts: { raised: 1, lowered: 0, added: 1, removed: 1 },
    });
    expect(compared.risks.changes.find((c) => c.change === 'raised')).toMatchObject({
      riskId: keep.id,
      before: { score: 4 },
      after: { score: 20 },
    });
    expect(compared.before.score).not.toBeNull();
    expect(compared.after.finalisedAt).toBeNull();
  });

  it('draws the trend over every cycle, oldest first', async () => {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const after = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    const trend = await ok('comparison.trend', { engagementId: before.engagementId });
    expect(trend.map((p) => [p.title, p.status])).toEqual([
      ['Gap assessment 2025', 'final'],
      ['Gap assessment 2026', 'planned'],
    ]);
    expect(trend[0]?.openFindings).toBe(3);
    expect(trend[1]?.id).toBe(after.id);
    // The new cycle has raised nothing yet, but last year's three are still open in it.
    expect(trend[1]?.openFindings).toBe(3);
  });

  it('refuses the same assessment twice and two engagements', async () => {
    const { ok, fail } = caller(core);
    const one = await lastYear(core);
    const other = await lastYear(core);
    expect(
      (await fail('comparison.compare', { a: one.assessment.id, b: one.assessment.id })).code,
    ).toBe('VALIDATION');
    const mixed = await fail('comparison.compare', {
      a: one.assessment.id,
      b: other.assessment.id,
    });
    expect(mixed.message).toMatch(/another engagement/);
    expect(await ok('comparison.trend', { engagementId: one.engagementId })).toHaveLength(1);
  });
});
