/**
 * Issue 11: a killed `assay demo` left half a demo, and the next run refused the data directory.
 * The demo is killed (SIGKILL) once its first client is committed and while its risk register
 * and evidence are still being written; the next run takes the half demo out and writes the
 * whole one. Runs the built CLI: `npx electron-vite build` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { tableCounts } from '../helpers/db';

const cli = path.join(projectRoot, 'bin', 'assay.cjs');
const built = fs.existsSync(path.join(projectRoot, 'out', 'main', 'cli.js'));

/** Rows of the tables a demo writes (the catalog and the audit trail left out). */
async function demoRows(dataDir: string): Promise<Record<string, number>> {
  const core = await startTestCore(dataDir);
  try {
    const counts = tableCounts(core.store.sqlite);
    const keep = [
      'engagements',
      'assessments',
      'responses',
      'findings',
      'risks',
      'evidence_items',
      'evidence_blobs',
      'interview_sessions',
      'soa_entries',
    ];
    return Object.fromEntries(keep.filter((t) => t in counts).map((t) => [t, counts[t] ?? 0]));
  } finally {
    core.close();
  }
}

/** Polls the database read-only until the demo's first client is committed. */
async function firstClientCommitted(dataDir: string, exited: () => boolean): Promise<void> {
  const file = path.join(dataDir, 'assay.db');
  for (;;) {
    if (exited()) throw new Error('the demo finished before it could be killed');
    if (fs.existsSync(file)) {
      try {
        const db = new Database(file, { readonly: true, fileMustExist: true });
        try {
          const row = db.prepare('SELECT count(*) AS n FROM engagements').get() as { n: number };
          if (row.n > 0) return;
        } finally {
          db.close();
        }
      } catch {
        // the schema is not there yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!built)('a killed assay demo', () => {
  it('leaves no half demo behind: the next run writes the whole demo', async () => {
    const dataDir = tempDir('assay-demo-kill-');
    // Large: its first client carries a 10,000-risk register, a wide window to be killed in.
    const child = spawn(process.execPath, [cli, 'demo', '--data-dir', dataDir, '--size', 'large'], {
      stdio: 'ignore',
    });
    let exited = false;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.once('exit', () => {
      exited = true;
    });
    await firstClientCommitted(dataDir, () => exited);
    child.kill('SIGKILL');
    await gone;
    expect(fs.existsSync(path.join(dataDir, 'demo-in-progress.json'))).toBe(true);

    const again = spawnSync(process.execPath, [cli, 'demo', '--data-dir', dataDir], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'demo-in-progress.json'))).toBe(false);

    const fresh = tempDir('assay-demo-fresh-');
    const clean = spawnSync(process.execPath, [cli, 'demo', '--data-dir', fresh], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(clean.status).toBe(0);
    expect(await demoRows(dataDir)).toEqual(await demoRows(fresh));
    const check = spawnSync(process.execPath, [cli, 'check', '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(check.stdout).toContain('OK: every stored file is present and unaltered.');
  }, 300_000);
});
