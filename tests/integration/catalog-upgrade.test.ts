import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/open';
import type { Assessment } from '../../shared/contracts/assessments';
import type { CatalogView } from '../../shared/contracts/catalog';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { FRAMEWORK_ID, migrationsUpTo, rowsOf, seedAssessment, tableNames } from '../helpers/db';

/** The shape of the revision-1 bank (catalog format 1): questions had no stage. */
interface RevisionOneNode {
  ref: string;
  title: string;
  kind: string;
  section: string;
  parent: string | null;
  assessable: boolean;
  guidance?: { questions: { text: string; probe?: string }[] } & Record<string, unknown>;
}
interface RevisionOne {
  framework: { id: string; name: string; title: string; edition: string };
  revision: number;
  sections: unknown;
  vocabulary: unknown;
  annexC: unknown;
  links: unknown;
  scoping: unknown;
  nodes: RevisionOneNode[];
  crosswalks: { from: string; framework: string; to: string; source: string }[];
}

const revisionOneText = fs.readFileSync(
  path.join(projectRoot, 'tests', 'fixtures', 'iso-iec-42001.rev1.json'),
  'utf8',
);
const revisionOne = JSON.parse(revisionOneText) as RevisionOne;

/** Writes the revision-1 bank the way the loader of that release did, into a pre-0002 schema. */
function installRevisionOne(sqlite: Database.Database): void {
  const fw = revisionOne.framework;
  const at = '2026-06-01T09:00:00.000Z';
  sqlite
    .prepare(
      `INSERT INTO frameworks (id, name, title, edition, catalog_revision, catalog_hash, meta_json, loaded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      fw.id,
      fw.name,
      fw.title,
      fw.edition,
      revisionOne.revision,
      createHash('sha256').update(revisionOneText).digest('hex'),
      JSON.stringify({
        sections: revisionOne.sections,
        vocabulary: revisionOne.vocabulary,
        annexC: revisionOne.annexC,
        links: revisionOne.links,
        scoping: revisionOne.scoping,
      }),
      at,
    );
  const levels = new Map<string, number>();
  revisionOne.nodes.forEach((node, order) => {
    const level = node.parent === null ? 1 : (levels.get(node.parent) ?? 0) + 1;
    levels.set(node.ref, level);
    const id = `${fw.id}:${node.ref}`;
    const { questions = [], ...guidance } = node.guidance ?? { questions: [] };
    sqlite
      .prepare(
        `INSERT INTO requirements (id, framework_id, ref, title, kind, section, parent_ref, level, sort_order, assessable, guidance_json, retired)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      )
      .run(
        id,
        fw.id,
        node.ref,
        node.title,
        node.kind,
        node.section,
        node.parent,
        level,
        order,
        node.assessable ? 1 : 0,
        JSON.stringify(node.guidance ? guidance : null),
      );
    questions.forEach((q, position) => {
      sqlite
        .prepare(
          'INSERT INTO interview_questions (id, requirement_id, position, text, probe) VALUES (?, ?, ?, ?, ?)',
        )
        .run(randomUUID(), id, position, q.text, q.probe ?? null);
    });
  });
  for (const row of revisionOne.crosswalks) {
    sqlite
      .prepare(
        'INSERT INTO crosswalk_mappings (id, requirement_id, target_framework, target_ref, source) VALUES (?, ?, ?, ?, ?)',
      )
      .run(randomUUID(), `${fw.id}:${row.from}`, row.framework, row.to, row.source);
  }
}

/** The catalog's own tables, which a new revision rewrites; every other table holds user data. */
const CATALOG_TABLES = ['frameworks', 'requirements', 'interview_questions', 'crosswalk_mappings'];

function userData(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = tableNames(sqlite).filter(
    // The audit trail and the sync change log are bookkeeping about the data, checked on their own.
    (t) =>
      !CATALOG_TABLES.includes(t) &&
      t !== 'audit_log' &&
      !t.startsWith('sync_') &&
      !t.startsWith('__'),
  );
  return Object.fromEntries(tables.map((t) => [t, rowsOf(sqlite, t)]));
}

describe('upgrading a revision-1 store to question bank revision 2', () => {
  it('keeps every answer, finding and requirement id, and gives every question a stage', async () => {
    const dataDir = tempDir();
    const old = await openStore({
      dataDir,
      migrationsDir: migrationsUpTo('0001_audit_append_only'),
    });
    installRevisionOne(old.sqlite);
    const assessable = revisionOne.nodes.filter((n) => n.assessable).map((n) => n.ref);
    expect(assessable).toHaveLength(70);
    const everything = seedAssessment(old.sqlite, 1, assessable);
    seedAssessment(old.sqlite, 2, ['6.1.2', '6.1.3', '8.1', '9.2.1', 'A.6.2.4']);
    old.sqlite
      .prepare('UPDATE assessments SET scoping_json = ? WHERE id = ?')
      .run(
        JSON.stringify({ 'develops-own-ai': true, 'uses-generative-ai': false }),
        everything.assessmentId,
      );
    const before = userData(old.sqlite);
    const requirementIdsBefore = (
      old.sqlite.prepare('SELECT id FROM requirements ORDER BY id').all() as { id: string }[]
    ).map((r) => r.id);
    expect(before.responses).toHaveLength(75);
    old.close();

    const core = await startTestCore(dataDir);
    try {
      expect(core.store.migration.applied).toBeGreaterThanOrEqual(1);
      const bank = core.catalogs.filter((r) => r.frameworkId === FRAMEWORK_ID);
      expect(bank.map((r) => [r.outcome, r.revision])).toEqual([['updated', 2]]);
      const sqlite = core.store.sqlite;
      // Tables that later migrations add are compared too: they start empty, the old ones are untouched.
      const upgraded = userData(sqlite);
      expect(Object.fromEntries(Object.keys(before).map((t) => [t, upgraded[t]]))).toEqual(before);
      for (const t of Object.keys(upgraded).filter((name) => !(name in before)))
        expect({ table: t, rows: upgraded[t] }).toEqual({ table: t, rows: [] });
      // The change log holds the baseline (one create per row that was there) and no change.
      expect(
        sqlite.prepare('SELECT op, count(*) AS n FROM sync_changes GROUP BY op').all(),
      ).toEqual([{ op: 'create', n: expect.any(Number) as number }]);
      const after = sqlite
        .prepare('SELECT id, retired FROM requirements WHERE framework_id = ? ORDER BY id')
        .all(FRAMEWORK_ID) as { id: string; retired: number }[];
      expect(after.map((r) => r.id)).toEqual(requirementIdsBefore);
      expect(after.filter((r) => r.retired === 1)).toEqual([]);
      const unstaged = sqlite
        .prepare(
          'SELECT count(*) AS n FROM interview_questions WHERE stage IS NULL OR stage NOT IN (1, 2)',
        )
        .get() as { n: number };
      expect(unstaged.n).toBe(0);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

      const view = await core.dispatcher.dispatch('catalog.get', { frameworkId: FRAMEWORK_ID });
      if (!view.ok) throw new Error(view.error.message);
      const catalog = view.value as CatalogView;
      const r613 = catalog.requirements.find((r) => r.ref === '6.1.3');
      expect(r613?.guidance?.nonconformity.major).toMatch(/designated management/);
      expect(r613?.guidance?.questions.every((q) => q.stage === 1 || q.stage === 2)).toBe(true);
      expect(catalog.overlaps.length).toBeGreaterThan(0);

      // Scoping answers given under revision 1 are kept, and can be carried alongside new ones.
      const assessment = await core.dispatcher.dispatch('assessments.get', {
        id: everything.assessmentId,
      });
      if (!assessment.ok) throw new Error(assessment.error.message);
      const { scoping } = assessment.value as Assessment;
      expect(scoping).toEqual({
        'develops-own-ai': true,
        'uses-generative-ai': false,
      });
      const saved = await core.dispatcher.dispatch('assessments.saveScoping', {
        id: everything.assessmentId,
        answers: { ...scoping, 'ai-roles': ['developer', 'deployer'] },
      });
      expect(saved.ok && (saved.value as Assessment).scoping).toEqual({
        'develops-own-ai': true,
        'uses-generative-ai': false,
        'ai-roles': ['developer', 'deployer'],
      });
      const invented = await core.dispatcher.dispatch('assessments.saveScoping', {
        id: everything.assessmentId,
        answers: { 'made-up-question': true },
      });
      expect(invented.ok).toBe(false);
      expect(!invented.ok && invented.error.code).toBe('VALIDATION');
    } finally {
      core.close();
    }
  });
});
