import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { projectRoot, tempDir } from './core';

export const FRAMEWORK_ID = 'iso-iec-42001-2023';
export const requirementKey = (ref: string) => `${FRAMEWORK_ID}:${ref}`;

/** Every user table of the database (SQLite's own and drizzle's bookkeeping excluded). */
export function tableNames(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(sqlite)) {
    const row = sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

export function rowsOf(sqlite: Database.Database, table: string): unknown[] {
  return sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface SeededIds {
  engagementId: string;
  assessmentId: string;
  sessionId: string;
  responseIds: string[];
  findingId: string;
}

/**
 * One engagement with an assessment, an interview session, responses and a finding, written by
 * SQL. Needs the ISO/IEC 42001 catalog in the store (requirements are referenced by id).
 */
export function seedAssessment(
  sqlite: Database.Database,
  n = 1,
  refs: string[] = ['4.1', 'A.2.2'],
): SeededIds {
  const at = '2026-01-15T10:00:00.000Z';
  const by = 'tester';
  const id = (kind: string, i = 0) =>
    `0190${kind}-0000-7000-8000-${String(n).padStart(6, '0')}${String(i).padStart(6, '0')}`;
  const engagementId = id('0001');
  const assessmentId = id('0002');
  const sessionId = id('0003');
  const findingId = id('0005');
  sqlite
    .prepare(
      `INSERT INTO engagements (id, client_name, aims_scope, ai_roles_json, sites_json, lead_assessor,
         start_date, end_date, notes, created_at, updated_at, updated_by)
       VALUES (?, ?, 'All AI systems', '["provider"]', '["HQ"]', 'Lead', '2026-01-01', '2026-02-01',
         '', ?, ?, ?)`,
    )
    .run(engagementId, `Client ${n}`, at, at, by);
  sqlite
    .prepare(
      `INSERT INTO assessments (id, engagement_id, framework_id, title, status, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, 'Gap assessment', 'in-progress', ?, ?, ?)`,
    )
    .run(assessmentId, engagementId, FRAMEWORK_ID, at, at, by);
  sqlite
    .prepare(
      `INSERT INTO interview_sessions (id, assessment_id, held_at, interviewees_json, attendees_json,
         created_at, updated_at, updated_by)
       VALUES (?, ?, ?, '[{"name":"Ana","role":"CISO"}]', '["Lead"]', ?, ?, ?)`,
    )
    .run(sessionId, assessmentId, at, at, at, by);
  const responseIds: string[] = [];
  refs.forEach((ref, i) => {
    const responseId = id('0004', i);
    responseIds.push(responseId);
    sqlite
      .prepare(
        'INSERT INTO interview_session_requirements (session_id, requirement_id) VALUES (?, ?)',
      )
      .run(sessionId, requirementKey(ref));
    sqlite
      .prepare(
        `INSERT INTO responses (id, assessment_id, requirement_id, result, maturity, notes, session_id,
           created_at, updated_at, updated_by)
         VALUES (?, ?, ?, 'partial', 2, ?, ?, ?, ?, ?)`,
      )
      .run(responseId, assessmentId, requirementKey(ref), `Notes on ${ref}`, sessionId, at, at, by);
  });
  sqlite
    .prepare(
      `INSERT INTO findings (id, assessment_id, requirement_id, ref, grade, statement, status,
         created_at, updated_at, updated_by)
       VALUES (?, ?, ?, 'F-001', 'minor', 'Context analysis is not dated.', 'open', ?, ?, ?)`,
    )
    .run(findingId, assessmentId, requirementKey(refs[0] ?? '4.1'), at, at, by);
  return { engagementId, assessmentId, sessionId, responseIds, findingId };
}

interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

/** The shipped journal and a temp folder holding copies of the migrations `keep` lets through. */
function copyShippedMigrations(keep: (entries: JournalEntry[]) => JournalEntry[]): {
  dir: string;
  journal: { entries: JournalEntry[] } & Record<string, unknown>;
} {
  const source = path.join(projectRoot, 'migrations');
  const dir = tempDir('assay-migrations-');
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(
    fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: JournalEntry[] } & Record<string, unknown>;
  journal.entries = keep(journal.entries);
  for (const entry of journal.entries) {
    fs.copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  }
  return { dir, journal };
}

/**
 * A temp migrations folder holding copies of the shipped migrations, plus optional test-only
 * ones appended to the journal with a later `when`.
 */
export function migrationsWith(extra: { tag: string; sql: string }[] = []): string {
  const { dir, journal } = copyShippedMigrations((entries) => entries);
  let when = Math.max(...journal.entries.map((e) => e.when));
  for (const migration of extra) {
    when += 1000;
    fs.writeFileSync(path.join(dir, `${migration.tag}.sql`), migration.sql);
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when,
      tag: migration.tag,
      breakpoints: true,
    });
  }
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  return dir;
}

/** A temp migrations folder holding the shipped migrations up to and including `lastTag`: an older schema. */
export function migrationsUpTo(lastTag: string): string {
  const { dir, journal } = copyShippedMigrations((entries) => {
    const last = entries.findIndex((e) => e.tag === lastTag);
    if (last < 0) throw new Error(`no shipped migration ${lastTag}`);
    return entries.slice(0, last + 1);
  });
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  return dir;
}

/** How many shipped migrations come after `tag`: what a store migrated up to `tag` applies at start. */
export function migrationsAfter(tag: string): number {
  const entries = (
    JSON.parse(
      fs.readFileSync(path.join(projectRoot, 'migrations', 'meta', '_journal.json'), 'utf8'),
    ) as { entries: JournalEntry[] }
  ).entries;
  const index = entries.findIndex((e) => e.tag === tag);
  if (index < 0) throw new Error(`no shipped migration ${tag}`);
  return entries.length - index - 1;
}
