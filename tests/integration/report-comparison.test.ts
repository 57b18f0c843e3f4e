/**
 * The report's "Since the previous assessment" section. The render worker is a built file: run
 * `npx electron-vite build` before this test (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
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

describe('the report compares with the previous assessment', () => {
  it('has the section, with scores, changed requirements and findings, only when there is a previous one', async () => {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const first = await ok('reports.export', {
      assessmentId: before.assessment.id,
      kind: 'full',
      draft: true,
    });
    expect(text(path.join(core.dataDir, 'exports', first.fileName))).not.toMatch(
      /Since the previous assessment/,
    );

    const after = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    await ok('responses.save', {
      assessmentId: after.id,
      requirementId: req('6.1.2'),
      result: 'conformant',
    });
    await ok('responses.save', {
      assessmentId: after.id,
      requirementId: req('4.1'),
      result: 'nonconformant',
    });
    await ok('findings.create', {
      assessmentId: after.id,
      requirementId: req('4.1'),
      grade: 'major',
      statement: 'Nobody revisited the context after the merger.',
    });
    await ok('correctiveActions.accept', {
      findingId: before.findings['F-002'] ?? '',
      reason: 'Verification moved to the supplier contract.',
    });
    const second = await ok('reports.export', {
      assessmentId: after.id,
      kind: 'full',
      draft: true,
    });
    const t = text(path.join(core.dataDir, 'exports', second.fileName));
    expect(t).toMatch(/Since the previous assessment/);
    expect(t).toMatch(/Compared with “Gap assessment 2025”/);
    expect(t).toMatch(/1 requirement improved, 1 worsened/);
    expect(t).toMatch(/Readiness over every cycle/);
    expect(t).toMatch(/Nobody revisited the context after the merger/);
    expect(t).toMatch(/1 raised and 1 closed since the previous assessment; 2 open at both times/);
    // Two tables, each headed by what it lists.
    expect(t).toMatch(/Opened\s+Raised in\s+Grade\s+Statement/);
    expect(t).toMatch(/Closed\s+Raised in\s+Grade\s+Statement/);
    expect(t).toMatch(/6\.1\.2\s+AI risk assessment\s+Nonconformant\s+Conformant\s+Improved/);
    expect(t).toMatch(/4\.1\s+.*Conformant\s+Nonconformant\s+Worsened/);
  });

  it('runs a list of findings too long for one page over several pages instead of cutting it', async () => {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const after = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    // Forty findings of two lines each: taller than a page, so the table must break.
    for (let n = 1; n <= 40; n += 1)
      await ok('findings.create', {
        assessmentId: after.id,
        requirementId: req('4.1'),
        grade: 'minor',
        statement: `Raised this year, number ${n}: a statement long enough to take a second line in the table's widest column.`,
      });
    const r = await ok('reports.export', { assessmentId: after.id, kind: 'full', draft: true });
    const file = path.join(core.dataDir, 'exports', r.fileName);
    const pages = Array.from(
      { length: r.pages ?? 0 },
      (_, i) =>
        spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
          encoding: 'utf8',
        }).stdout,
    );
    const from = pages.findIndex((t) => t.includes('Findings opened and closed'));
    const to = pages.findIndex((t) => t.includes('Requirements whose result changed'));
    const pageOf = (needle: string) =>
      pages.findIndex((t, i) => i >= from && i <= to && t.includes(needle));
    // Cut, the whole table sat on one page and ran off its foot.
    const first = pageOf('number 1:');
    const last = pageOf('number 40:');
    expect(first).toBeGreaterThanOrEqual(from);
    expect(last).toBeGreaterThan(first);
  });
});
