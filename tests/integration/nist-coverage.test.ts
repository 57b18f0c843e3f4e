import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NistCoverage } from '../../shared/contracts/crosswalks';
import { nistCoverage } from '../../electron/core/crosswalks';
import { startTestCore } from '../helpers/core';
import { reference } from '../helpers/reference';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;

describe('NIST AI RMF coverage of an assessment', () => {
  let core: TestCore;
  let assessmentId = '';
  const level = (c: NistCoverage, id: string) =>
    c.functions
      .flatMap((f) => f.categories.flatMap((x) => x.subcategories))
      .find((s) => s.id === id)?.level;
  const answer = async (ref: string, result: string) => {
    const saved = await core.dispatcher.dispatch('responses.save', {
      assessmentId,
      requirementId: `iso-iec-42001-2023:${ref}`,
      result,
      ...(result === 'not-applicable' ? { naJustification: 'Not used here.' } : {}),
    } as never);
    if (!saved.ok) throw new Error(saved.error.message);
  };

  beforeAll(async () => {
    core = await startTestCore();
    const engagement = await core.dispatcher.dispatch('engagements.create', {
      clientName: 'Coverage Ltd',
      aimsScope: 'x',
      leadAssessor: 'L',
    });
    if (!engagement.ok) throw new Error(engagement.error.message);
    const assessment = await core.dispatcher.dispatch('assessments.create', {
      engagementId: (engagement.value as { id: string }).id,
      title: 'A',
    });
    if (!assessment.ok) throw new Error(assessment.error.message);
    assessmentId = (assessment.value as { id: string }).id;
  });
  afterAll(() => core.close());

  it('counts all 72 subcategories in 19 categories and 4 functions, none supported before any answer', async () => {
    const result = await core.dispatcher.dispatch('crosswalks.nistCoverage', { assessmentId });
    if (!result.ok) throw new Error(result.error.message);
    const c = result.value as NistCoverage;
    expect(c.functions.map((f) => f.id)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    expect(c.functions.flatMap((f) => f.categories)).toHaveLength(19);
    const total = c.totals.supported + c.totals.partly + c.totals.unsupported + c.totals.unmapped;
    expect(total).toBe(reference.nist.subcategories.length);
    expect(c.totals).toMatchObject({ supported: 0, partly: 0 });
    expect(c.score).toBe(0);
    for (const fn of c.functions) {
      const sum = fn.categories.reduce((n, x) => n + x.counts.unsupported + x.counts.unmapped, 0);
      expect(fn.counts.unsupported + fn.counts.unmapped).toBe(sum);
    }
  });

  it('follows the answers: a conformant 7.2 supports GOVERN 2.2; marked not applicable it no longer counts at all', async () => {
    expect(level(nistCoverage(core.ctx, assessmentId), 'GOVERN 2.2')).toBe('unsupported');
    await answer('7.2', 'conformant');
    const after = nistCoverage(core.ctx, assessmentId);
    expect(level(after, 'GOVERN 2.2')).toBe('supported');
    expect(after.score).toBeGreaterThan(0);
    // 7.1 covers part of MANAGE 2.1, so a conformant 7.1 supports it.
    await answer('7.1', 'conformant');
    expect(level(nistCoverage(core.ctx, assessmentId), 'MANAGE 2.1')).toBe('supported');
    await answer('7.2', 'not-applicable');
    // 7.2 is the only requirement related to GOVERN 2.2: once it does not count, nothing does.
    expect(level(nistCoverage(core.ctx, assessmentId), 'GOVERN 2.2')).toBe('unmapped');
  });
});
