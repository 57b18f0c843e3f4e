import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/seed';
import { actionStatuses } from '../../shared/rules/corrective-actions';
import { startTestCore } from '../helpers/core';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

describe('the demo’s corrective actions', () => {
  it('has an action in every state, one overdue, and every closed finding closed through one', async () => {
    const demo = await seedDemo(core.ctx, { size: 'small', seed: 1 });
    const { ok } = caller(core);
    const engagementId = demo.engagementIds[0] ?? '';
    const { actions } = await ok('correctiveActions.list', { engagementId });
    expect(demo.correctiveActions).toBe(actions.length);
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(actionStatuses));
    expect(actions.some((a) => a.daysOverdue > 0)).toBe(true);
    // Both cycles' findings: last year's nonconformities get this year's actions too.
    const findings = [];
    for (const assessmentId of [...demo.previousAssessmentIds, ...demo.assessmentIds]) {
      findings.push(...(await ok('findings.list', { assessmentId })));
    }
    const closing = new Set(
      actions
        .filter((a) => a.status === 'effective' || a.status === 'accepted')
        .map((a) => a.findingId),
    );
    const closed = findings.filter((f) => f.status === 'closed').map((f) => f.id);
    expect(closed.length).toBeGreaterThan(0);
    expect(new Set(closed)).toEqual(closing);
  });
});
