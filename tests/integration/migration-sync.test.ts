import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit';
import { buildChangeSet } from '../../electron/core/sync';
import { startTestCore } from '../helpers/core';
import { rowsOf, seedAssessment } from '../helpers/db';
import { olderStore } from '../helpers/older-store';

const USER_TABLES = [
  'engagements',
  'assessments',
  'responses',
  'findings',
  'soa_entries',
  'audit_log',
];

describe('migration 0011_sync on a populated store', () => {
  it('keeps every row and the audit chain, gives the store a replica, and logs what was there as its baseline', async () => {
    const { dataDir, store } = await olderStore('0010_management_reviews');
    const seeded = seedAssessment(store.sqlite, 1, ['4.1', '6.1.2']);
    const before = Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(store.sqlite, t)]));
    store.close();

    const core = await startTestCore(dataDir);
    let replicas: unknown[] = [];
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      const after = Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(sqlite, t)]));
      // The audit rows gain two empty origin columns; nothing else of them changes.
      expect(after.audit_log).toEqual(
        (before.audit_log as object[]).map((r) => ({
          ...r,
          origin_replica: null,
          origin_hash: null,
        })),
      );
      expect({ ...after, audit_log: [] }).toEqual({ ...before, audit_log: [] });
      expect(verifyAuditChain(sqlite).ok).toBe(true);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      replicas = rowsOf(sqlite, 'sync_replica');
      expect(replicas).toHaveLength(1);
      // Every row already there is one create in the baseline, parents before children.
      const set = buildChangeSet(sqlite, seeded.engagementId);
      const creates = set.changes.filter((c) => c.op === 'create').map((c) => c.tbl);
      expect(creates.slice(0, 2)).toEqual(['engagements', 'assessments']);
      expect(creates.filter((t) => t === 'responses')).toHaveLength(seeded.responseIds.length);
      expect(creates).toContain('findings');
    } finally {
      core.close();
    }
    // The replica id never changes once made.
    const again = await startTestCore(dataDir);
    try {
      expect(rowsOf(again.store.sqlite, 'sync_replica')).toEqual(replicas);
      expect(
        again.store.sqlite
          .prepare("SELECT count(*) FROM sync_changes WHERE op = 'create'")
          .pluck()
          .get(),
      ).toBeGreaterThan(0);
    } finally {
      again.close();
    }
  });
});
