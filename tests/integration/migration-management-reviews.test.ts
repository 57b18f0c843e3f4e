import { describe, expect, it } from 'vitest';
import { rowsOf, tableNames } from '../helpers/db';
import { upgradeSeededStore } from '../helpers/older-store';
import { caller } from '../helpers/risk-core';

describe('migration 0010_management_reviews on a populated store', () => {
  it('keeps every row, adds the empty review table, and a review compiles its inputs from old records', async () => {
    const { core, seeded, before, rowsNow } = await upgradeSeededStore('0009_audit_programme');
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      expect(rowsNow()).toEqual(before);
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
