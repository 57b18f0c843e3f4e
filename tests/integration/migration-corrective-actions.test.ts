import { describe, expect, it } from 'vitest';
import { rowsOf, tableNames } from '../helpers/db';
import { upgradeSeededStore } from '../helpers/older-store';
import { caller } from '../helpers/risk-core';

describe('migration 0008_corrective_actions on a populated store', () => {
  it('keeps every row, adds the empty register, and an old finding gets its action and closes', async () => {
    const { core, seeded, before, rowsNow } = await upgradeSeededStore('0007_cycle');
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      expect(rowsNow()).toEqual(before);
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
