import { describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { rowsOf, seedAssessment, tableNames } from '../helpers/db';
import { olderStore } from '../helpers/older-store';
import { caller } from '../helpers/risk-core';

const USER_TABLES = [
  'engagements',
  'assessments',
  'interview_sessions',
  'interview_session_requirements',
  'responses',
  'findings',
  'soa_entries',
];

describe('migration 0007_cycle on a populated store', () => {
  it('keeps every row, adds an empty review date to evidence, and the cycle works on the old records', async () => {
    const { dataDir, store } = await olderStore('0006_iso27001_imports');
    const seeded = seedAssessment(store.sqlite, 1, ['4.1', '6.1.2', 'A.6.2.4']);
    seedAssessment(store.sqlite, 2, ['5.2']);
    const at = '2026-01-15T10:00:00.000Z';
    store.sqlite
      .prepare('INSERT INTO evidence_blobs (sha256, size, stored_at) VALUES (?, 3, ?)')
      .run('a'.repeat(64), at);
    store.sqlite
      .prepare(
        `INSERT INTO evidence_items (id, engagement_id, sha256, title, original_name, media_type, size,
           valid_until, classification, status, created_at, updated_at, updated_by)
         VALUES ('0190aaaa-0000-7000-8000-000000000001', ?, ?, 'AI policy', 'policy.pdf',
           'application/pdf', 3, '2026-12-31', 'internal', 'accepted', ?, ?, 'tester')`,
      )
      .run(seeded.engagementId, 'a'.repeat(64), at, at);
    const before = Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(store.sqlite, t)]));
    const evidenceBefore = rowsOf(store.sqlite, 'evidence_items');
    store.close();

    const core = await startTestCore(dataDir);
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      expect(Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(sqlite, t)]))).toEqual(before);
      expect(rowsOf(sqlite, 'evidence_items')).toEqual(
        evidenceBefore.map((row) => ({ ...(row as object), review_due: null })),
      );
      expect(tableNames(sqlite)).toEqual(
        expect.arrayContaining(['assessment_cycles', 'carried_items', 'carried_findings']),
      );
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

      const { ok } = caller(core);
      await ok('assessments.setStatus', { id: seeded.assessmentId, status: 'final' });
      const next = await ok('cycle.startNext', {
        assessmentId: seeded.assessmentId,
        title: 'Next',
      });
      const view = await ok('cycle.get', { assessmentId: next.id });
      expect(view.carriedFindings.map((f) => f.ref)).toEqual(['F-001']);
    } finally {
      core.close();
    }
  });
});
