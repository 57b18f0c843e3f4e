import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { lastYear, req } from '../helpers/cycle';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

describe('the readiness gates read the cycle’s records', () => {
  it("count last cycle's open major in this cycle, and take audits and reviews held from their own records", async () => {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const next = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    const gates = async (stage: 1 | 2) => {
      const r = await ok('readiness.get', { assessmentId: next.id });
      return {
        r,
        gates: r.stages.find((s) => s.stage === stage)?.blockers.map((b) => b.gate) ?? [],
      };
    };
    // F-001 (major, 6.1.2) was raised last year and is still open: it blocks stage 2 now.
    expect((await gates(2)).gates).toContain('open-major');

    const programme = await ok('audits.saveProgramme', {
      engagementId: before.engagementId,
      title: 'Programme',
      periodStart: '2026-01-01',
      periodEnd: '2028-12-31',
    });
    await ok('audits.save', {
      programmeId: programme.id,
      title: 'Internal audit 2026',
      status: 'completed',
      heldFrom: '2026-03-02',
      requirementIds: [req('9.2.1')],
    });
    const today = new Date().toISOString().slice(0, 10);
    await ok('managementReviews.save', {
      engagementId: before.engagementId,
      title: 'Management review 2026',
      status: 'held',
      heldOn: today,
    });
    const { r } = await gates(2);
    expect(r.cycle.filter((c) => c.source === 'cycle')).toEqual([
      {
        kind: 'internal-audit',
        source: 'cycle',
        label: 'Internal audit 2026',
        completed: true,
        completedOn: '2026-03-02',
      },
      {
        kind: 'management-review',
        source: 'cycle',
        label: 'Management review 2026',
        completed: true,
        completedOn: today,
      },
    ]);
    expect((await gates(2)).gates).not.toContain('audit-and-review');

    // Closed through its corrective action, last year's major no longer blocks.
    await ok('correctiveActions.accept', {
      findingId: before.findings['F-001'] ?? '',
      reason: 'Risk accepted by the board until the model is retired.',
    });
    expect((await gates(2)).gates).not.toContain('open-major');
  });
});
