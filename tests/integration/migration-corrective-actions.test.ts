import { describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { rowsOf, seedAssessment, tableNames } from '../helpers/db';
import { olderStore } from '../helpers/older-store';
import { caller } from '../helpers/risk-core';

const USER_TABLES = ['engagements', 'assessments', 'responses', 'findings', 'soa_entries'];

describe('migration 0008_corrective_actions on a populated store', () => {
  it('keeps every row, adds the empty register, and an old finding gets its action and closes', async () => {
    const { dataDir, store } = await olderStore('0007_cycle');
    const seeded = seedAssessment(store.sqlite, 1, ['4.1', '6.1.2']);
    const before = Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(store.sqlite, t)]));
    store.close();

    const core = await startTestCore(dataDir);
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      expect(Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(sqlite, t)]))).toEqual(before);
      expect(tableNames(sqlite)).toContain('corrective_actions');
      expect(rowsOf(sqlite, 'corrective_actions')).toEqual([]);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

      const { ok } = caller(core);
      const [finding] = await ok('findings.list', { assessmentId: seeded.assessmentId });
      expect(finding).toBeDefined();
      const accepted = await ok('correctiveActions.accept', {
        findingId: finding?.id ?? '',
        reason: 'Accepted by the board.',
      });
      expect(accepted.finding.status).toBe('closed');
    } finally {
      core.close();
    }
  });
});
