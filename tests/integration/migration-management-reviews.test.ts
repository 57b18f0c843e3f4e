import { describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { rowsOf, seedAssessment, tableNames } from '../helpers/db';
import { olderStore } from '../helpers/older-store';
import { caller } from '../helpers/risk-core';

const USER_TABLES = ['engagements', 'assessments', 'responses', 'findings', 'soa_entries'];

describe('migration 0010_management_reviews on a populated store', () => {
  it('keeps every row, adds the empty review table, and a review compiles its inputs from old records', async () => {
    const { dataDir, store } = await olderStore('0009_audit_programme');
    const seeded = seedAssessment(store.sqlite, 1, ['4.1', '6.1.2']);
    const before = Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(store.sqlite, t)]));
    store.close();

    const core = await startTestCore(dataDir);
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      expect(Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(sqlite, t)]))).toEqual(before);
      expect(tableNames(sqlite)).toContain('management_reviews');
      expect(rowsOf(sqlite, 'management_reviews')).toEqual([]);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const { ok } = caller(core);
      const inputs = await ok('managementReviews.inputs', { engagementId: seeded.engagementId });
      expect(inputs.findings.reduce((n, f) => n + f.open, 0)).toBe(1);
    } finally {
      core.close();
    }
  });
});
