import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openStore, StoreError } from '../../electron/core/db/open';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { migrationsWith, rowsOf, seedAssessment, sha256File, tableCounts } from '../helpers/db';

const shippedMigrations = path.join(projectRoot, 'migrations');
/** How many migrations ship: the counts below follow the journal, so a new migration needs no edit here. */
const SHIPPED = (
  JSON.parse(fs.readFileSync(path.join(shippedMigrations, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

/** A drizzle-kit style table rebuild: with foreign keys on, DROP TABLE cascades into children. */
const REBUILD_ENGAGEMENTS = [
  `CREATE TABLE \`__new_engagements\` (
  \`id\` text PRIMARY KEY NOT NULL,
  \`client_name\` text NOT NULL,
  \`client_ref\` text DEFAULT '' NOT NULL,
  \`aims_scope\` text NOT NULL,
  \`ai_roles_json\` text NOT NULL,
  \`sites_json\` text NOT NULL,
  \`lead_assessor\` text NOT NULL,
  \`start_date\` text,
  \`end_date\` text,
  \`notes\` text DEFAULT '' NOT NULL,
  \`created_at\` text NOT NULL,
  \`updated_at\` text NOT NULL,
  \`updated_by\` text NOT NULL
);`,
  `INSERT INTO \`__new_engagements\`("id", "client_name", "aims_scope", "ai_roles_json", "sites_json",
  "lead_assessor", "start_date", "end_date", "notes", "created_at", "updated_at", "updated_by")
  SELECT "id", "client_name", "aims_scope", "ai_roles_json", "sites_json", "lead_assessor",
  "start_date", "end_date", "notes", "created_at", "updated_at", "updated_by" FROM \`engagements\`;`,
  'DROP TABLE `engagements`;',
  'ALTER TABLE `__new_engagements` RENAME TO `engagements`;',
].join('\n--> statement-breakpoint\n');

const CHILD_TABLES = [
  'engagements',
  'assessments',
  'interview_sessions',
  'interview_session_requirements',
  'responses',
  'findings',
];

function appliedCount(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number })
    .n;
}

/** A data dir at the shipped schema with the catalog and two assessments in it. */
async function populatedDataDir(): Promise<string> {
  const core = await startTestCore();
  seedAssessment(core.store.sqlite, 1);
  seedAssessment(core.store.sqlite, 2, ['6.1.2', 'A.6.2.4', '9.2.1']);
  core.close();
  return core.dataDir;
}

function snapshot(file: string): Record<string, unknown[]> {
  const sqlite = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(CHILD_TABLES.map((t) => [t, rowsOf(sqlite, t)]));
  } finally {
    sqlite.close();
  }
}

async function openExpectingStoreError(dataDir: string, migrationsDir: string) {
  const error: unknown = await openStore({ dataDir, migrationsDir }).then(
    (store) => {
      store.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('migrations', () => {
  it('a fresh database gets every table, and a reopened connection runs WAL, synchronous=FULL and foreign keys', async () => {
    const dataDir = tempDir();
    const first = await openStore({ dataDir, migrationsDir: shippedMigrations });
    expect(first.migration).toMatchObject({
      applied: SHIPPED,
      alreadyApplied: 0,
      backupFile: null,
    });
    const tables = Object.keys(tableCounts(first.sqlite));
    for (const table of [...CHILD_TABLES, 'frameworks', 'requirements', 'audit_log', 'risks']) {
      expect(tables).toContain(table);
    }
    first.close();

    const reopened = await openStore({ dataDir, migrationsDir: shippedMigrations });
    try {
      expect(reopened.migration).toMatchObject({ applied: 0, alreadyApplied: SHIPPED });
      expect(reopened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(reopened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(reopened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  });

  it('the test-only rebuild migration really would cascade deletes if foreign keys were on', async () => {
    const dataDir = await populatedDataDir();
    const sqlite = new Database(path.join(dataDir, DB_FILE));
    try {
      sqlite.pragma('foreign_keys = ON');
      sqlite.exec('BEGIN');
      for (const statement of REBUILD_ENGAGEMENTS.split('--> statement-breakpoint')) {
        sqlite.exec(statement);
      }
      expect(tableCounts(sqlite).assessments).toBe(0);
      sqlite.exec('ROLLBACK');
    } finally {
      sqlite.close();
    }
  });

  it('a table-rebuild migration on a populated database keeps every child row and backs up first', async () => {
    const dataDir = await populatedDataDir();
    const file = path.join(dataDir, DB_FILE);
    const before = snapshot(file);
    expect(before.responses).toHaveLength(5);

    const migrationsDir = migrationsWith([
      { tag: '0002_rebuild_engagements', sql: REBUILD_ENGAGEMENTS },
    ]);
    const store = await openStore({ dataDir, migrationsDir });
    try {
      expect(store.migration).toMatchObject({ applied: 1, alreadyApplied: SHIPPED });
      expect(store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      const columns = store.sqlite.pragma('table_info(engagements)') as { name: string }[];
      expect(columns.map((c) => c.name)).toContain('client_ref');
      for (const table of CHILD_TABLES.filter((t) => t !== 'engagements')) {
        expect(rowsOf(store.sqlite, table), table).toEqual(before[table]);
      }
      expect(tableCounts(store.sqlite).engagements).toBe(2);
    } finally {
      store.close();
    }

    const backupFile = store.migration.backupFile;
    expect(backupFile).not.toBeNull();
    expect(path.dirname(backupFile ?? '')).toBe(path.join(dataDir, 'backups'));
    expect(snapshot(backupFile ?? '')).toEqual(before);
  });

  it('a failed migration leaves the database and its backup intact and says so', async () => {
    const dataDir = await populatedDataDir();
    const file = path.join(dataDir, DB_FILE);
    const before = snapshot(file);
    const broken =
      'CREATE TABLE `half_done` (`id` text);\n--> statement-breakpoint\nTHIS IS NOT SQL;';
    const migrationsDir = migrationsWith([{ tag: '0002_broken', sql: broken }]);

    const error = await openExpectingStoreError(dataDir, migrationsDir);
    expect(error.kind).toBe('MIGRATION');
    expect(error.message).toMatch(/rolled back; your data is unchanged/);
    expect(error.backupFile).toBeDefined();
    expect(error.message).toContain(error.backupFile ?? '<no backup>');
    expect(fs.existsSync(error.backupFile ?? '')).toBe(true);

    expect(snapshot(file)).toEqual(before);
    expect(snapshot(error.backupFile ?? '')).toEqual(before);
    const sqlite = new Database(file, { readonly: true });
    try {
      expect(appliedCount(sqlite)).toBe(SHIPPED);
      const halfDone = sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`)
        .get();
      expect(halfDone).toBeUndefined();
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      sqlite.close();
    }
  });

  it('a database with more applied migrations than this version knows is refused as TOO_NEW and left unchanged', async () => {
    const dataDir = await populatedDataDir();
    const newer = migrationsWith([{ tag: '0002_rebuild_engagements', sql: REBUILD_ENGAGEMENTS }]);
    (await openStore({ dataDir, migrationsDir: newer })).close();
    const file = path.join(dataDir, DB_FILE);
    const hash = sha256File(file);

    const error = await openExpectingStoreError(dataDir, shippedMigrations);
    expect(error.kind).toBe('TOO_NEW');
    expect(error.message).toMatch(/newer version of Assay/);
    expect(sha256File(file)).toBe(hash);
    const sqlite = new Database(file, { readonly: true });
    try {
      expect(appliedCount(sqlite)).toBe(SHIPPED + 1);
    } finally {
      sqlite.close();
    }
  });

  it('a corrupt database file is reported as CORRUPT, its bytes unchanged and no empty database put in its place', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB_FILE);
    const garbage = randomBytes(64 * 1024);
    garbage[0] = 0x00; // never the "SQLite format 3" header by chance
    fs.writeFileSync(file, garbage);

    const error = await openExpectingStoreError(dataDir, shippedMigrations);
    expect(error.kind).toBe('CORRUPT');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/has not been changed/);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    const leftovers = fs.readdirSync(dataDir).filter((name) => name !== DB_FILE);
    expect(leftovers.filter((name) => name.endsWith('.db'))).toEqual([]);
  });
});
