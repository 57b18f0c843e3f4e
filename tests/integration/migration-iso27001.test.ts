import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/start';
import { appRootBefore, appRootThrough, migrationTag } from '../helpers/app-root';
import { startTestCore, tempDir } from '../helpers/core';
import { rowsOf, seedAssessment } from '../helpers/db';
import { sendBytes } from '../helpers/incoming';
import { caller } from '../helpers/risk-core';

const TAG = migrationTag('iso27001_imports');

describe(`migration ${TAG} on a populated database`, () => {
  it('adds the 27001 import table, keeps every row and takes an import afterwards', async () => {
    const dataDir = tempDir('assay-iso27001-migration-');
    const old = await startCore({
      dataDir,
      appRoot: appRootBefore(TAG),
      version: 'previous',
      transport: 'http',
      actor: 't',
    });
    const seeded = seedAssessment(old.store.sqlite, 1, ['4.1', '7.2', 'A.6.2.8']);
    const tables = ['engagements', 'assessments', 'responses', 'findings', 'audit_log'];
    const before = Object.fromEntries(tables.map((t) => [t, rowsOf(old.store.sqlite, t)]));
    old.close();

    const core = await startTestCore(dataDir, appRootThrough(TAG));
    try {
      expect(core.store.migration.applied).toBe(1);
      expect(core.store.migration.backupFile).not.toBeNull();
      const sqlite = core.store.sqlite;
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      for (const t of tables) expect(rowsOf(sqlite, t), t).toEqual(before[t]);
      expect(rowsOf(sqlite, 'iso27001_imports')).toEqual([]);
    } finally {
      core.close();
    }

    // Then today's app on that store (later migrations apply): an import works on the kept rows.
    const today = await startTestCore(dataDir);
    try {
      const sqlite = today.store.sqlite;
      const core = today;
      const sheet = Buffer.from('Control,Status\nClause 7.2,Implemented\n');
      const preview = await caller(core).ok('iso27001.importPreview', {
        engagementId: seeded.engagementId,
        fileName: 'soa.csv',
        token: await sendBytes(core, sheet, 'soa.csv'),
      });
      await caller(core).ok('iso27001.importCommit', {
        engagementId: seeded.engagementId,
        fileName: 'soa.csv',
        token: await sendBytes(core, sheet, 'soa.csv'),
        mapping: preview.mapping,
        plainNumbers: preview.plainNumbers,
      });
      // seedAssessment writes a legacy result word the response contract no longer reads.
      sqlite.prepare(`UPDATE responses SET result = 'not-assessed'`).run();
      const reuse = await caller(core).ok('iso27001.reuse', { assessmentId: seeded.assessmentId });
      expect(reuse.requirements.find((r) => r.ref === '7.2')?.suggestion?.result).toBe(
        'conformant',
      );
    } finally {
      core.close();
    }
  });
});
