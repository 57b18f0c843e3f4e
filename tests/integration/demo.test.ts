import { describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { seedDemo } from '../../electron/core/demo';
import { verifyAuditChain } from '../../electron/core/audit';

async function demoDump(seed: number) {
  const core = await startTestCore();
  try {
    const report = await seedDemo(core.ctx, { size: 'small', seed });
    const sqlite = core.store.sqlite;
    const dump = Object.fromEntries(
      [
        'engagements',
        'assessments',
        'interview_sessions',
        'responses',
        'findings',
        'soa_entries',
        'risks',
        'ai_systems',
      ].map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]),
    );
    return { report, dump, audit: verifyAuditChain(sqlite) };
  } finally {
    core.close();
  }
}

describe('assay demo', () => {
  it('writes a plausible small client: two thirds answered, with findings, sessions, SoA, risks and evidence', async () => {
    const { report, audit } = await demoDump(42);
    expect(report.engagements).toBe(1);
    expect(report.responses).toBe(47);
    expect(report.findings).toBeGreaterThan(5);
    expect(report.sessions).toBe(4);
    expect(report.soaEntries).toBeGreaterThan(10);
    expect(report.risks).toBeGreaterThanOrEqual(20);
    expect(report.evidence).toBeGreaterThanOrEqual(24);
    expect(audit.ok).toBe(true);
  });

  it('is deterministic: the same seed gives the same records, another seed other answers', async () => {
    const a = await demoDump(7);
    const b = await demoDump(7);
    const c = await demoDump(8);
    expect(JSON.stringify(b.dump)).toBe(JSON.stringify(a.dump));
    expect(JSON.stringify(c.dump.responses)).not.toBe(JSON.stringify(a.dump.responses));
  });

  it('refuses to write into a data directory that already holds engagements', async () => {
    const core = await startTestCore();
    try {
      await seedDemo(core.ctx, { size: 'small', seed: 1 });
      await expect(seedDemo(core.ctx, { size: 'small', seed: 1 })).rejects.toThrow(
        /already holds 1 engagement/,
      );
    } finally {
      core.close();
    }
  });
});
