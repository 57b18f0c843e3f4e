import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas, openStore } from '../../electron/core/db';
import {
  applyChangeSet,
  asActor,
  buildChangeSet,
  installCapture,
  type ApplyReport,
} from '../../electron/core/sync';
import { projectRoot, tempDir } from './core';

let template: string | null = null;
let made = 0;

/** A migrated, empty store file made once per test file; each replica starts from a copy. */
async function templateFile(): Promise<string> {
  if (template) return template;
  const dir = tempDir('assay-sync-template-');
  const store = await openStore({
    dataDir: dir,
    migrationsDir: path.join(projectRoot, 'migrations'),
  });
  store.close();
  template = path.join(dir, 'assay.db');
  return template;
}

/** One data directory's store with change capture on, as the app opens it (its own replica). */
export interface Replica {
  sqlite: Database.Database;
  replica: string;
  /** Writes as `actor` in one transaction, like a command. */
  write(actor: string, fn: (sqlite: Database.Database) => void): void;
  close(): void;
}

export async function newReplica(): Promise<Replica> {
  const file = path.join(tempDir('assay-sync-'), `r${(made += 1)}.db`);
  fs.copyFileSync(await templateFile(), file);
  const sqlite = new Database(file);
  applyPragmas(sqlite);
  const { replica } = installCapture(sqlite)!;
  let tick = 0;
  return {
    sqlite,
    replica,
    write(actor, fn) {
      tick += 1;
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, tick)).toISOString();
      asActor(sqlite, actor, at, () => sqlite.transaction(() => fn(sqlite)).immediate());
    },
    close: () => sqlite.close(),
  };
}

let ids = 0;
export const testId = (kind: string) =>
  `0190${kind.padStart(4, '0')}-0000-7000-8000-${String((ids += 1)).padStart(12, '0')}`;

/** Sends `from`'s engagement to `to`, as an exchange file would. */
export function exchange(
  from: Replica,
  to: Replica,
  engagementId: string,
  dryRun = false,
): ApplyReport {
  const set = buildChangeSet(from.sqlite, engagementId);
  let n = 0;
  return applyChangeSet(to.sqlite, JSON.parse(JSON.stringify(set)) as typeof set, {
    actor: 'importer',
    now: '2026-02-01T00:00:00.000Z',
    newId: () =>
      `conflict-${to.replica.slice(-6)}-${(n += 1)}-${Math.random().toString(36).slice(2)}`,
    dryRun,
  });
}

const STAMP = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };

export function insertEngagement(sqlite: Database.Database, id: string, by = 'lead'): void {
  sqlite
    .prepare(
      `INSERT INTO engagements (id, client_name, aims_scope, ai_roles_json, sites_json, lead_assessor, notes, created_at, updated_at, updated_by)
       VALUES (?, 'Client', 'Scope', '[]', '[]', 'Lead', '', @c, @u, ?)`
        .replace('@c', `'${STAMP.created_at}'`)
        .replace('@u', `'${STAMP.updated_at}'`),
    )
    .run(id, by);
}

export const SYSTEM_FIELDS = ['name', 'purpose', 'owner', 'model_type'] as const;

export function insertSystem(
  sqlite: Database.Database,
  engagementId: string,
  id: string,
  by = 'lead',
): void {
  sqlite
    .prepare(
      `INSERT INTO ai_systems (id, engagement_id, name, purpose, org_role, lifecycle_stage, owner, model_type, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, 'p0', 'provider', 'design', 'o0', 'm0', ?, ?, ?)`,
    )
    .run(id, engagementId, `n-${id.slice(-4)}`, STAMP.created_at, STAMP.updated_at, by);
}

export function setSystemField(
  sqlite: Database.Database,
  id: string,
  field: string,
  value: string,
  by: string,
): void {
  sqlite
    .prepare(`UPDATE ai_systems SET "${field}" = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(value, new Date().toISOString(), by, id);
}

/** The rows of a table as a comparable map id → fields (edit stamps left out). */
export function snapshot(
  sqlite: Database.Database,
  table: string,
  fields: readonly string[],
): Record<string, Record<string, unknown>> {
  const rows = sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Record<
    string,
    unknown
  >[];
  return Object.fromEntries(
    rows.map((r) => [String(r.id), Object.fromEntries(fields.map((f) => [f, r[f]]))]),
  );
}

export function openConflictsOf(
  sqlite: Database.Database,
): { tbl: string; row_id: string; field: string; kind: string }[] {
  return sqlite
    .prepare(
      "SELECT tbl, row_id, field, kind FROM sync_conflicts WHERE status = 'open' ORDER BY tbl, row_id, field",
    )
    .all() as { tbl: string; row_id: string; field: string; kind: string }[];
}

/**
 * Two replicas holding the same engagement with `systems` AI systems: made on the first, then
 * exchanged to the second. Both are pushed onto `open`, which the test closes after each case.
 */
export async function pairedReplicas(open: Replica[], systems: number) {
  const a = await newReplica();
  const b = await newReplica();
  open.push(a, b);
  const engagement = testId('e');
  const systemIds = Array.from({ length: systems }, () => testId('s'));
  a.write('lead', (db) => {
    insertEngagement(db, engagement);
    for (const s of systemIds) insertSystem(db, engagement, s);
  });
  exchange(a, b, engagement);
  return { a, b, engagement, systemIds };
}
