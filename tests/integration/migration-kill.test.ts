import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { startCore } from '../../electron/core/start';
import { createEngagement } from '../../electron/core/engagements';

const cli = path.join(projectRoot, 'bin', 'assay.cjs');

/** An app root whose migrations end with a slow step, long enough to be killed in the middle. */
function slowAppRoot(): string {
  const root = tempDir('assay-slow-migration-');
  fs.cpSync(path.join(projectRoot, 'migrations'), path.join(root, 'migrations'), {
    recursive: true,
  });
  fs.cpSync(path.join(projectRoot, 'resources'), path.join(root, 'resources'), { recursive: true });
  const journalFile = path.join(root, 'migrations', 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
  };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('no migrations');
  journal.entries.push({
    idx: last.idx + 1,
    version: last.version,
    when: last.when + 1000,
    tag: '9999_slow_rebuild',
    breakpoints: true,
  });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(
    path.join(root, 'migrations', '9999_slow_rebuild.sql'),
    `CREATE TABLE slow_numbers AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000000) SELECT x, printf('%020d', x) AS label FROM c;`,
  );
  return root;
}

describe('a kill in the middle of a migration', () => {
  it('leaves the schema version and the data as they were, and the next start migrates cleanly', async () => {
    const dataDir = tempDir('assay-migration-kill-');
    {
      const core = await startTestCore(dataDir);
      createEngagement(core.ctx, {
        clientName: 'Before the upgrade',
        aimsScope: 'x',
        aiRoles: [],
        sites: [],
        leadAssessor: 'L',
        startDate: null,
        endDate: null,
        notes: '',
      });
      core.close();
    }
    const appRoot = slowAppRoot();
    const child = spawn(process.execPath, [
      cli,
      'internal',
      'open',
      '--data-dir',
      dataDir,
      '--app-root',
      appRoot,
    ]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // The backup is taken just before the migration transaction begins: kill shortly after it appears.
    const backups = path.join(dataDir, 'backups');
    for (
      let i = 0;
      i < 400 && !(fs.existsSync(backups) && fs.readdirSync(backups).length > 0);
      i += 1
    ) {
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const after = await startTestCore(dataDir);
    try {
      const sqlite = after.store.sqlite;
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const applied = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
        n: number;
      };
      expect(applied.n).toBe(
        fs.readdirSync(path.join(projectRoot, 'migrations')).filter((f) => f.endsWith('.sql'))
          .length,
      );
      expect(
        sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'slow_numbers'`).get(),
      ).toBeUndefined();
      expect(sqlite.prepare('SELECT client_name AS c FROM engagements').all()).toEqual([
        { c: 'Before the upgrade' },
      ]);
    } finally {
      after.close();
    }

    const upgraded = await startCore({
      dataDir,
      appRoot,
      version: 't',
      transport: 'http',
      actor: 't',
    });
    try {
      expect(upgraded.store.migration.applied).toBe(1);
      expect(
        upgraded.store.sqlite.prepare('SELECT client_name AS c FROM engagements').all(),
      ).toEqual([{ c: 'Before the upgrade' }]);
    } finally {
      upgraded.close();
    }
  }, 180_000);
});
