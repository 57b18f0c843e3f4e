import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../shared/contracts/comparison';
import { projectRoot, tempDir } from '../helpers/core';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const assay = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('the small demo has two cycles', () => {
  it('assay compare between them exits 0 and lists improved and worsened requirements, findings opened and closed, and each score', () => {
    const dataDir = tempDir('assay-demo-cycles-');
    const demo = assay(['demo', '--data-dir', dataDir, '--size', 'small']);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/1 earlier cycle\(s\)/);
    const listed = assay(['assessments', '--data-dir', dataDir, '--json']);
    const assessments = JSON.parse(listed.stdout) as {
      id: string;
      title: string;
      status: string;
    }[];
    expect(assessments.map((a) => [a.title, a.status])).toEqual([
      ['ISO/IEC 42001 readiness review 2026', 'in-progress'],
      ['ISO/IEC 42001 readiness review 2025', 'final'],
    ]);
    const [thisYear, lastYear] = assessments.map((a) => a.id);

    const text = assay(['compare', '--data-dir', dataDir, lastYear ?? '', thisYear ?? '']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /ISO\/IEC 42001 readiness review 2025 \(final 2025-10-\d\d\) → ISO\/IEC 42001 readiness review 2026/,
    );
    expect(text.stdout).toMatch(/Readiness: \d+ % → \d+ %/);
    expect(text.stdout).toMatch(/\s+Improved$/m);
    expect(text.stdout).toMatch(/\s+Worsened$/m);

    const json = assay([
      'compare',
      '--data-dir',
      dataDir,
      lastYear ?? '',
      thisYear ?? '',
      '--json',
    ]);
    const c = JSON.parse(json.stdout) as Comparison;
    expect(c.counts.improved).toBeGreaterThan(0);
    expect(c.counts.worsened).toBeGreaterThan(0);
    expect(c.findings.opened.length).toBeGreaterThan(0);
    expect(c.findings.closed.length).toBeGreaterThan(0);
    expect(c.before.score).not.toBeNull();
    expect(c.after.score).not.toBeNull();
  });
});
