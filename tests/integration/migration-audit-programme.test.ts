import { describe, expect, it } from 'vitest';
import { rowsOf, tableNames } from '../helpers/db';
import { upgradeSeededStore } from '../helpers/older-store';
import { caller } from '../helpers/risk-core';

describe('migration 0009_audit_programme on a populated store', () => {
  it('keeps every row, adds empty programme and audit tables, and a programme works on old records', async () => {
    const { core, seeded, before, rowsNow } = await upgradeSeededStore('0008_corrective_actions');
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      expect(rowsNow()).toEqual(before);
      expect(tableNames(sqlite)).toEqual(
        expect.arrayContaining(['audit_programmes', 'internal_audits']),
      );
      expect(rowsOf(sqlite, 'audit_programmes')).toEqual([]);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const { ok } = caller(core);
      const programme = await ok('audits.saveProgramme', {
        engagementId: seeded.engagementId,
        title: 'Programme',
        periodStart: '2026-01-01',
        periodEnd: '2028-12-31',
      });
      const coverage = await ok('audits.coverage', { programmeId: programme.id });
      expect(coverage.summary['not-covered']).toBe(70);
    } finally {
      core.close();
    }
  });
});
