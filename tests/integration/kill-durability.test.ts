import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { verifyAuditChain } from '../../electron/core/audit';
import { createEngagement } from '../../electron/core/engagements';
import { createAssessment } from '../../electron/core/assessments';

const RUNS = 50;
const cli = path.join(projectRoot, 'bin', 'assay.cjs');

/** Starts the save loop, lets it commit for a random while, then SIGKILLs it; returns every acknowledged commit. */
function killMidway(
  dataDir: string,
  assessmentId: string,
  rng: () => number,
): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      cli,
      'internal',
      'save-loop',
      '--data-dir',
      dataDir,
      '--assessment',
      assessmentId,
    ]);
    const acked = new Map<string, number>();
    let buffer = '';
    let killTimer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [, n, requirementId] = line.split(' ');
        if (n && requirementId) acked.set(requirementId, Number(n));
      }
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), 5 + Math.floor(rng() * 150));
    });
    child.stderr.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(acked)
        : reject(new Error(`save loop ended without being killed (${signal})`)),
    );
  });
}

describe('durability under SIGKILL', () => {
  it(`keeps every acknowledged commit and no half transaction, over ${RUNS} kills`, async () => {
    const dataDir = tempDir('assay-kill-');
    let assessmentId = '';
    {
      const core = await startTestCore(dataDir);
      const e = createEngagement(core.ctx, {
        clientName: 'Kill Ltd',
        aimsScope: 'x',
        aiRoles: [],
        sites: [],
        leadAssessor: 'L',
        startDate: null,
        endDate: null,
        notes: '',
      });
      assessmentId = createAssessment(core.ctx, {
        engagementId: e.id,
        frameworkId: 'iso-iec-42001-2023',
        title: 'Kill test',
        excludedAreas: [],
        plannedStart: null,
        plannedEnd: null,
      }).id;
      core.close();
    }
    let seed = 12345;
    const rng = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let acknowledged = 0;
    let lost = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const acked = await killMidway(dataDir, assessmentId, rng);
      const core = await startTestCore(dataDir);
      try {
        const sqlite = core.store.sqlite;
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
        for (const [requirementId, n] of acked) {
          acknowledged += 1;
          const row = sqlite
            .prepare('SELECT notes FROM responses WHERE assessment_id = ? AND requirement_id = ?')
            .get(assessmentId, requirementId) as { notes: string } | undefined;
          // The latest acknowledged commit for a requirement, or a later one that committed but was not yet acknowledged.
          const stored = Number(row?.notes.replace('commit ', '') ?? -1);
          if (!(stored >= n)) lost += 1;
        }
        // A response and its audit row commit together: every answer has its audit entry.
        const responses = sqlite
          .prepare('SELECT count(*) AS n FROM responses WHERE assessment_id = ?')
          .get(assessmentId) as { n: number };
        const audited = sqlite
          .prepare(
            `SELECT count(DISTINCT entity_id) AS n FROM audit_log WHERE action = 'response.save' AND scope_id = ?`,
          )
          .get(assessmentId) as { n: number };
        expect(audited.n).toBe(responses.n);
        expect(verifyAuditChain(sqlite).ok).toBe(true);
      } finally {
        core.close();
      }
    }
    console.log(
      `kill test: ${RUNS} kills, ${acknowledged} acknowledged commits checked, ${lost} lost`,
    );
    expect(lost).toBe(0);
  }, 300_000);
});
