import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRow } from '../../shared/contracts/documents';
import type { ReadinessView } from '../../shared/contracts/readiness';
import { seedDemo } from '../../electron/core/demo/seed';
import { startTestCore } from '../helpers/core';
import { call } from '../helpers/evidence';

/** What the demo shows a consultant on the Readiness and Documented information tabs. */
type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
let assessmentId = '';
let documents = 0;

beforeAll(async () => {
  core = await startTestCore();
  const report = await seedDemo(core.ctx, { size: 'small', seed: 42 });
  assessmentId = report.assessmentIds[0] ?? '';
  documents = report.documents;
}, 120_000);
afterAll(() => core.close());

describe('the small demo’s readiness', () => {
  it('keeps a register two thirds through: most items in place, each kind of gap once, evidence linked', async () => {
    const rows = await call<DocumentRow[]>(core, 'documents.list', { assessmentId });
    expect(rows.filter((r) => r.record).length).toBe(documents);
    const status = (key: string) => rows.find((r) => r.key === key)?.status;
    expect(rows.filter((r) => r.status === 'in-place').length).toBeGreaterThanOrEqual(15);
    expect(status('risk-treatment-process')).toBe('not-approved');
    expect(status('soa')).toBe('not-current');
    expect(status('risk-treatment-results')).toBe('missing');
    expect(status('impact-assessment-results')).toBe('review-overdue');
    expect(status('management-review-results')).toBe('not-approved');
    expect(status('reporting-obligations')).toBe('not-recorded');
    const policy = rows.find((r) => r.key === 'ai-policy');
    expect(policy?.evidence.map((e) => e.title)).toEqual(['AI policy', 'AI policy (signed)']);
  });

  it('is not ready at either stage, and says why at each', async () => {
    const r = await call<ReadinessView>(core, 'readiness.get', { assessmentId });
    expect(r.stages.map((s) => s.verdict)).toEqual(['not-ready', 'not-ready']);
    const gates = (stage: 1 | 2) => [
      ...new Set(r.stages.find((s) => s.stage === stage)?.blockers.map((b) => b.gate)),
    ];
    expect(gates(1)).toContain('documents');
    expect(gates(1)).not.toContain('open-major');
    expect(gates(2)).toEqual(expect.arrayContaining(['open-major', 'audit-and-review']));
    const review = r.cycle.find((c) => c.kind === 'management-review');
    expect(review).toMatchObject({ completed: false });
    expect(r.cycle.find((c) => c.kind === 'internal-audit')).toMatchObject({ completed: true });
  });
});

describe('the large demo’s prepared client', () => {
  it('is ready for certification at both stages, and the others are not', async () => {
    const large = await startTestCore();
    try {
      const report = await seedDemo(large.ctx, { size: 'large', seed: 42 });
      expect(report.assessments).toBe(20);
      const verdicts = await Promise.all(
        report.assessmentIds.map((id) =>
          call<ReadinessView>(large, 'readiness.get', { assessmentId: id }),
        ),
      );
      const last = verdicts.at(-1);
      expect(last?.gates.filter((g) => !g.passed).map((g) => g.id)).toEqual([]);
      expect(last?.stages.map((s) => s.verdict)).toEqual(['ready', 'ready']);
      expect(last?.verdict).toBe('ready');
      expect(last?.cycle.every((c) => c.completed)).toBe(true);
      expect(verdicts.slice(0, -1).every((r) => r.verdict === 'not-ready')).toBe(true);
    } finally {
      large.close();
    }
  }, 300_000);
});
