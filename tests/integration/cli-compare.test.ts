import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../shared/contracts/comparison';
import { projectRoot, startTestCore } from '../helpers/core';
import { lastYear, req } from '../helpers/cycle';
import { caller } from '../helpers/risk-core';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');

function assay(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Two cycles in a data directory: last year final, this year with a few answers. */
async function twoCycles() {
  const core = await startTestCore();
  try {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const after = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    for (const [ref, result] of [
      ['4.1', 'partially-conformant'],
      ['6.1.2', 'conformant'],
    ] as const) {
      await ok('responses.save', { assessmentId: after.id, requirementId: req(ref), result });
    }
    await ok('findings.create', {
      assessmentId: after.id,
      requirementId: req('4.1'),
      grade: 'minor',
      statement: 'The context analysis is a year old.',
    });
    return { dataDir: core.dataDir, before: before.assessment.id, after: after.id };
  } finally {
    core.close();
  }
}

describe('assay compare', () => {
  it('prints the comparison table and exits 0; --json gives the same data', async () => {
    const { dataDir, before, after } = await twoCycles();
    const text = assay(['compare', '--data-dir', dataDir, before, after]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /Gap assessment 2025 \(final \d{4}-\d{2}-\d{2}\) → Gap assessment 2026/,
    );
    expect(text.stdout).toMatch(/Readiness: \d+ % → \d+ %/);
    expect(text.stdout).toMatch(/Requirements: 1 improved, 1 worsened, 0 unchanged, 0 new/);
    expect(text.stdout).toMatch(
      /^6\.1\.2\s+AI risk assessment\s+Nonconformant\s+Conformant\s+Improved$/m,
    );
    expect(text.stdout).toMatch(/^4\.1\s+.*Conformant\s+Partially conformant\s+Worsened$/m);
    expect(text.stdout).toMatch(
      /Findings opened between them: 1\n.*\n\s+F-001\s+Gap assessment 2026/,
    );
    expect(text.stdout).toMatch(/Findings open at both: 3/);

    const json = assay(['compare', '--data-dir', dataDir, after, before, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as Comparison;
    expect(parsed.swapped).toBe(true);
    expect(parsed.counts).toMatchObject({ improved: 1, worsened: 1 });
    expect(parsed.findings.opened.map((f) => f.ref)).toEqual(['F-001']);
  });

  it('says what is wrong with the ids: 2 for a malformed one, 1 for one that does not exist', async () => {
    const { dataDir, before } = await twoCycles();
    const malformed = assay(['compare', '--data-dir', dataDir, before, 'nonsense']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/must be an assessment id/);
    const missing = assay([
      'compare',
      '--data-dir',
      dataDir,
      before,
      '0190aaaa-0000-7000-8000-000000000099',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /Assessment 0190aaaa-0000-7000-8000-000000000099 does not exist/,
    );
  });
});
