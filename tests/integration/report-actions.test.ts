/**
 * The report's corrective-action section. The render worker is a built file: run
 * `npx electron-vite build` before this test (npm test builds first).
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { pdfText } from '../helpers/pdf-text';
import { lastYear, req } from '../helpers/cycle';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

const text = pdfText;

describe('the report lists the corrective actions', () => {
  it("of the assessment's findings and those it carried, how each ended, and what has no action yet", async () => {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const next = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    const today = new Date().toISOString().slice(0, 10);
    const f001 = before.findings['F-001'] ?? '';
    await ok('correctiveActions.save', {
      findingId: f001,
      rootCause: 'Nobody owned the risk method.',
      action: 'The risk office owns the method and trains every product team.',
      owner: 'Chief Risk Officer',
      dueDate: '2026-03-31',
      completedOn: '2026-03-01',
    });
    await ok('correctiveActions.review', {
      findingId: f001,
      reviewedOn: today,
      reviewer: 'Internal audit lead',
      effective: true,
    });
    await ok('correctiveActions.accept', {
      findingId: before.findings['F-002'] ?? '',
      reason: 'Verification moves to the supplier contract.',
    });
    await ok('findings.create', {
      assessmentId: next.id,
      requirementId: req('7.2'),
      grade: 'major',
      statement: 'No competence records.',
    });
    const report = await ok('reports.export', { assessmentId: next.id, kind: 'full', draft: true });
    const t = text(path.join(core.dataDir, 'exports', report.fileName));
    expect(t).toMatch(/Corrective actions/);
    expect(t).toMatch(/2 actions answer the findings of this assessment/);
    expect(t).toMatch(
      /Nonconformities with no corrective action yet: F-001 \(Gap assessment 2026, 7\.2\)/,
    );
    expect(t).toMatch(/Verified effective/);
    expect(t).toMatch(/Reviewed \d{4}-\d{2}-\d{2} by/);
    expect(t).toMatch(/\d{4}-\d{2}-\d{2} by tester:/);
    expect(t).toMatch(/The risk office owns the method/);
  });
});
