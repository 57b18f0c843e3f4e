import { describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { rowsOf, seedAssessment, tableNames } from '../helpers/db';
import { olderStore } from '../helpers/older-store';
import { caller, control } from '../helpers/risk-core';

const USER_TABLES = [
  'engagements',
  'assessments',
  'responses',
  'findings',
  'soa_entries',
  'audit_programmes',
  'internal_audits',
];

describe('migration 0011_audit_checklist on a populated store', () => {
  it('keeps every row, adds the empty checklist tables, gives older reviews an empty "other" input, and an old audit takes answers', async () => {
    const { dataDir, store } = await olderStore('0010_management_reviews');
    const seeded = seedAssessment(store.sqlite, 1, ['4.1', '6.1.2']);
    const at = '2026-02-01T10:00:00.000Z';
    store.sqlite
      .prepare(
        `INSERT INTO audit_programmes (id, engagement_id, title, period_start, period_end, objectives,
           created_at, updated_at, updated_by)
         VALUES ('01900011-0000-7000-8000-000000000001', ?, 'Programme', '2026-01-01', '2028-12-31', '', ?, ?, 'tester')`,
      )
      .run(seeded.engagementId, at, at);
    store.sqlite
      .prepare(
        `INSERT INTO internal_audits (id, programme_id, title, scope, criteria, planned_on, held_from,
           held_to, status, auditors_json, auditees_json, requirement_ids_json, conclusion,
           created_at, updated_at, updated_by)
         VALUES ('01900011-0000-7000-8000-000000000002', '01900011-0000-7000-8000-000000000001', 'Planning', '', '', '2026-03-01', '2026-03-01', NULL, 'in-progress',
           '[]', '[]', ?, '', ?, ?, 'tester')`,
      )
      .run(JSON.stringify([control('6.1.2')]), at, at);
    store.sqlite
      .prepare(
        `INSERT INTO management_reviews (id, engagement_id, title, planned_on, held_on, status, chair,
           attendees_json, issues_changes, interested_parties, resources, opportunities,
           decisions_json, inputs_json, created_at, updated_at, updated_by)
         VALUES ('01900011-0000-7000-8000-000000000003', ?, 'Review 2026', '2026-06-01', NULL, 'planned', 'CEO', '[]', '', '', '', '',
           '[]', NULL, ?, ?, 'tester')`,
      )
      .run(seeded.engagementId, at, at);
    const before = Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(store.sqlite, t)]));
    store.close();

    const core = await startTestCore(dataDir);
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      expect(Object.fromEntries(USER_TABLES.map((t) => [t, rowsOf(sqlite, t)]))).toEqual(before);
      expect(tableNames(sqlite)).toEqual(
        expect.arrayContaining(['audit_checklist_items', 'audit_checklist_evidence']),
      );
      expect(rowsOf(sqlite, 'audit_checklist_items')).toEqual([]);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      const { ok } = caller(core);
      const [review] = await ok('managementReviews.list', { engagementId: seeded.engagementId });
      expect(review?.otherInputs).toBe('');
      const line = await ok('audits.answer', {
        auditId: '01900011-0000-7000-8000-000000000002',
        requirementId: control('6.1.2'),
        verdict: 'observation',
        notes: 'The risk method is applied, but not the same way in both teams.',
      });
      expect(line.answer).toMatchObject({ verdict: 'observation', finding: null });
    } finally {
      core.close();
    }
  });
});
