/**
 * A report reads one assessment's readiness several times (its own section, the comparison, the
 * trend); inside withReadinessRemembered it is gathered once, and only there: a change made after
 * shows in the next reading, and the report's figures are the ones readinessOf gives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readinessOf, withReadinessRemembered } from '../../electron/core/readiness';
import { reportData } from '../../electron/core/reports/data';
import { startTestCore } from '../helpers/core';
import { lastYear, req } from '../helpers/cycle';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

/** Last year's final assessment and this year's, started from it. */
async function nextCycle() {
  const { ok } = caller(core);
  const { assessment } = await lastYear(core);
  const after = await ok('cycle.startNext', {
    assessmentId: assessment.id,
    title: 'Gap assessment 2026',
  });
  return { ok, assessment, after };
}

describe('readiness remembered for one piece of work', () => {
  it('is gathered once per assessment inside the work, and afresh outside it', async () => {
    const { assessment } = await lastYear(core);
    const [first, again] = withReadinessRemembered(() => [
      readinessOf(core.ctx, assessment.id),
      readinessOf(core.ctx, assessment.id),
    ]);
    expect(again).toBe(first);
    const outside = readinessOf(core.ctx, assessment.id);
    expect(outside).not.toBe(first);
    expect(outside).toEqual(first);
  });

  it('forgets what it remembered once the work returns: a change made after shows', async () => {
    const { ok, after } = await nextCycle();
    const before = withReadinessRemembered(() => readinessOf(core.ctx, after.id));
    await ok('responses.save', {
      assessmentId: after.id,
      requirementId: req('4.1'),
      result: 'conformant',
    });
    const now = withReadinessRemembered(() => readinessOf(core.ctx, after.id));
    expect(now.clauses.score).not.toBe(before.clauses.score);
    expect(now).toEqual(readinessOf(core.ctx, after.id));
  });

  it('refuses asynchronous work, during which a write could come between two readings', () => {
    expect(() => withReadinessRemembered(() => Promise.resolve(1))).toThrow(/synchronous/);
  });

  it("gives a report the same figures as readinessOf, for this cycle's side and last year's", async () => {
    const { ok, assessment, after } = await nextCycle();
    await ok('responses.save', {
      assessmentId: after.id,
      requirementId: req('6.1.2'),
      result: 'conformant',
    });
    const d = reportData(core.ctx, after.id, { kind: 'full', omitConfidential: false });
    const now = readinessOf(core.ctx, after.id);
    const then = readinessOf(core.ctx, assessment.id);
    expect(d.readiness).toEqual(now);
    expect(d.comparison?.score).toEqual({ before: then.overall.score, after: now.overall.score });
    expect(d.comparison?.trend.map((p) => p.score)).toEqual([
      then.overall.score,
      now.overall.score,
    ]);
  });
});
