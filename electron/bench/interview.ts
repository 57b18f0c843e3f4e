import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas } from '../core/db';
import { seedDemo } from '../core/demo';
import { requirementIndex } from '../core/catalog';
import { DEFAULT_FRAMEWORK_ID } from '../../shared/contracts/assessments';
import { startBenchCore } from './setup';
import type { BenchRow } from './types';
import { ms, percentile, timeMs, timeMsAsync } from './stats';

const SAVES = 1000;
const DASHBOARDS = 200;

/**
 * On the large demo: saving one response through the command layer (validation, service,
 * audit trail, commit) against a bare better-sqlite3 insert of a row of the same size with the
 * same pragmas; and computing one assessment's dashboard.
 */
export async function benchInterview(): Promise<BenchRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-interview-'));
  try {
    const core = await startBenchCore(path.join(work, 'data'));
    let rows: BenchRow[];
    try {
      const demo = await seedDemo(core.ctx, { size: 'large', seed: 7 });
      const assessmentId = demo.assessmentIds[0] ?? '';
      const requirements = requirementIndex(core.ctx, DEFAULT_FRAMEWORK_ID).assessable;
      const notes = 'Interview notes as a consultant types them, a paragraph long. '.repeat(8);

      const saves: number[] = [];
      for (let i = 0; i < SAVES; i += 1) {
        const requirement = requirements[i % requirements.length];
        const input = {
          assessmentId,
          requirementId: requirement?.id ?? '',
          result: i % 2 === 0 ? 'conformant' : 'partially-conformant',
          notes: `${notes}${i}`,
          interviewees: ['Priya Raman'],
        };
        saves.push(
          await timeMsAsync(async () => {
            const result = await core.dispatcher.dispatch('responses.save', input);
            if (!result.ok) throw new Error(result.error.message);
          }),
        );
      }
      const bare = bareInserts(path.join(work, 'bare.db'), `${notes}0000`.length);

      const dashboards: number[] = [];
      for (let i = 0; i < DASHBOARDS; i += 1) {
        dashboards.push(
          await timeMsAsync(async () => {
            const result = await core.dispatcher.dispatch('readiness.get', { assessmentId });
            if (!result.ok) throw new Error(result.error.message);
          }),
        );
      }
      const size = `large demo (20 assessments, 1,400 answers, 1,900 findings, 10,475 risks)`;
      const p95 = percentile(saves, 95);
      const bareP95 = percentile(bare, 95);
      rows = [
        {
          name: `Save one response via the command layer (p50 / p95 of ${SAVES})`,
          size,
          value: `${ms(percentile(saves, 50))} / ${ms(p95)}`,
          baseline: `bare insert, same row size and pragmas: ${ms(percentile(bare, 50))} / ${ms(bareP95)}`,
          ratio: `${(p95 / bareP95).toFixed(2)}× at p95`,
          aim: 'p95 within 3× of the bare insert',
        },
        {
          name: `Compute one assessment's dashboard (p50 / p95 of ${DASHBOARDS})`,
          size,
          value: `${ms(percentile(dashboards, 50))} / ${ms(percentile(dashboards, 95))}`,
          aim: 'p95 under 20 ms',
        },
      ];
    } finally {
      core.close();
    }
    return rows;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The baseline: one autocommitted insert per row into a table shaped like responses. */
function bareInserts(file: string, notesLength: number): number[] {
  const db = new Database(file);
  try {
    applyPragmas(db);
    db.exec(
      'CREATE TABLE r (id TEXT PRIMARY KEY, assessment_id TEXT, requirement_id TEXT, result TEXT, notes TEXT, interviewees TEXT, updated_at TEXT, updated_by TEXT)',
    );
    const insert = db.prepare('INSERT INTO r VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const notes = 'x'.repeat(notesLength);
    const samples: number[] = [];
    for (let i = 0; i < SAVES; i += 1) {
      samples.push(
        timeMs(() =>
          insert.run(
            `id-${i}`,
            'assessment',
            `requirement-${i}`,
            'conformant',
            notes,
            '["Priya Raman"]',
            new Date().toISOString(),
            'bench',
          ),
        ),
      );
    }
    return samples;
  } finally {
    db.close();
  }
}
