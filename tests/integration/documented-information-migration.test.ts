import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { DocumentRow } from '../../shared/contracts/documents';
import type { ReadinessView } from '../../shared/contracts/readiness';
import { openStore } from '../../electron/core/db/open';
import { startTestCore, tempDir } from '../helpers/core';
import {
  FRAMEWORK_ID,
  migrationsAfter,
  migrationsUpTo,
  rowsOf,
  seedAssessment,
  tableNames,
} from '../helpers/db';
import { call } from '../helpers/evidence';

/** The store of the release before documented-information records, with a catalog row to point at. */
function installOldCatalog(sqlite: Database.Database): void {
  const at = '2026-01-15T10:00:00.000Z';
  sqlite
    .prepare(
      `INSERT INTO frameworks (id, name, title, edition, catalog_revision, catalog_hash, meta_json, loaded_at)
       VALUES (?, 'ISO/IEC 42001', 'AI management system', '2023', 1, 'old', '{}', ?)`,
    )
    .run(FRAMEWORK_ID, at);
  ['4.1', '5.2', 'A.2.2', 'A.6.2.5'].forEach((ref, i) => {
    sqlite
      .prepare(
        `INSERT INTO requirements (id, framework_id, ref, title, kind, section, level, sort_order, assessable, guidance_json)
         VALUES (?, ?, ?, ?, ?, ?, 2, ?, 1, 'null')`,
      )
      .run(
        `${FRAMEWORK_ID}:${ref}`,
        FRAMEWORK_ID,
        ref,
        `Requirement ${ref}`,
        ref.startsWith('A.') ? 'control' : 'clause',
        ref.startsWith('A.') ? 'annex-a' : 'clauses',
        i,
      );
  });
}

const userTables = (sqlite: Database.Database) =>
  tableNames(sqlite).filter(
    (t) =>
      !['frameworks', 'requirements', 'interview_questions', 'audit_log'].includes(t) &&
      !t.startsWith('__') &&
      !t.startsWith('documented_information'),
  );

describe('migration 0003: documented-information records', () => {
  it('adds the tables to a populated store, keeps every row, backs up first, and the records work', async () => {
    const dataDir = tempDir();
    const old = await openStore({ dataDir, migrationsDir: migrationsUpTo('0002_question_stages') });
    installOldCatalog(old.sqlite);
    const seeded = seedAssessment(old.sqlite, 1, ['4.1', '5.2', 'A.2.2']);
    seedAssessment(old.sqlite, 2, ['A.6.2.5']);
    old.sqlite
      .prepare(
        `INSERT INTO soa_entries (id, assessment_id, requirement_id, applicable, justification, implementation_status, created_at, updated_at, updated_by)
         VALUES ('0190ffff-0000-7000-8000-000000000001', ?, ?, 0, 'We deploy nothing ourselves.', 'not-applicable', 'x', 'x', 'x')`,
      )
      .run(seeded.assessmentId, `${FRAMEWORK_ID}:A.6.2.5`);
    expect(tableNames(old.sqlite)).not.toContain('documented_information');
    const before = Object.fromEntries(
      userTables(old.sqlite).map((t) => [t, rowsOf(old.sqlite, t)]),
    );
    old.close();

    // Exactly migration 0003 first: every row kept, a backup taken, the two tables added.
    const upgraded = await openStore({
      dataDir,
      migrationsDir: migrationsUpTo('0003_documented_information'),
    });
    try {
      const sqlite = upgraded.sqlite;
      expect(upgraded.migration.applied).toBe(1);
      expect(upgraded.migration.backupFile).not.toBeNull();
      expect(tableNames(sqlite)).toEqual(
        expect.arrayContaining(['documented_information', 'documented_information_evidence']),
      );
      expect(Object.fromEntries(userTables(sqlite).map((t) => [t, rowsOf(sqlite, t)]))).toEqual(
        before,
      );
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      upgraded.close();
    }

    // Then today's app on that store: the later migrations apply and the records work.
    const core = await startTestCore(dataDir);
    try {
      const sqlite = core.store.sqlite;
      expect(core.store.migration.applied).toBe(migrationsAfter('0003_documented_information'));
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

      const rows = await call<DocumentRow[]>(core, 'documents.list', {
        assessmentId: seeded.assessmentId,
      });
      expect(rows.find((r) => r.key === 'deployment-plan')?.status).toBe('not-required');
      expect(rows.find((r) => r.key === 'ai-policy')?.status).toBe('not-recorded');
      await call(core, 'documents.save', {
        assessmentId: seeded.assessmentId,
        key: 'ai-policy',
        exists: true,
        approved: true,
        current: true,
      });
      const readiness = await call<ReadinessView>(core, 'readiness.get', {
        assessmentId: seeded.assessmentId,
      });
      expect(readiness.documents.find((d) => d.key === 'ai-policy')?.status).toBe('in-place');
    } finally {
      core.close();
    }
  });
});
