import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { catalogProblems, catalogSchema, type Catalog } from '../../../shared/catalog/format';
import { audit, inTransaction, type CoreContext } from '../context';
import { issuesFromZod, describeIssues } from '../../../shared/contracts/envelope';

export interface CatalogLoadReport {
  frameworkId: string;
  file: string;
  outcome: 'installed' | 'updated' | 'unchanged' | 'kept-newer';
  revision: number;
}

export class CatalogError extends Error {
  override name = 'CatalogError';
}

/** Reads and checks one catalog file; throws a CatalogError that names the file and the problems. */
export function readCatalogFile(file: string): { catalog: Catalog; hash: string } {
  const text = fs.readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CatalogError(`${file}: ${describeIssues(issuesFromZod(parsed.error))}`);
  }
  const problems = catalogProblems(parsed.data);
  if (problems.length > 0) {
    throw new CatalogError(`${file}: ${problems.slice(0, 10).join('; ')}`);
  }
  return { catalog: parsed.data, hash: createHash('sha256').update(text).digest('hex') };
}

export function catalogFiles(resourcesDir: string): string[] {
  const dir = path.join(resourcesDir, 'frameworks');
  if (!fs.existsSync(dir))
    throw new CatalogError(
      `Framework catalogs not found in ${dir}; the installation is incomplete.`,
    );
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Loads every catalog into the store. Idempotent: an unchanged file is a no-op. A newer revision
 * replaces requirement texts and questions; answers point at requirement ids, which never change
 * for a ref, so no answer is touched. A ref a newer catalog drops is marked retired, not deleted.
 */
export function loadCatalogs(ctx: CoreContext): CatalogLoadReport[] {
  return catalogFiles(ctx.resourcesDir).map((file) => loadOne(ctx, file));
}

function loadOne(ctx: CoreContext, file: string): CatalogLoadReport {
  const { catalog, hash } = readCatalogFile(file);
  const sqlite = ctx.store.sqlite;
  const fw = catalog.framework;
  const existing = sqlite
    .prepare(
      'SELECT catalog_revision AS revision, catalog_hash AS hash FROM frameworks WHERE id = ?',
    )
    .get(fw.id) as { revision: number; hash: string } | undefined;
  const base = { frameworkId: fw.id, file, revision: catalog.revision };
  if (existing && existing.revision > catalog.revision) return { ...base, outcome: 'kept-newer' };
  if (existing && existing.hash === hash) return { ...base, outcome: 'unchanged' };

  inTransaction(ctx, () => writeCatalog(ctx, catalog, hash));
  return { ...base, outcome: existing ? 'updated' : 'installed' };
}

function writeCatalog(ctx: CoreContext, catalog: Catalog, hash: string): void {
  const sqlite = ctx.store.sqlite;
  const fw = catalog.framework;
  const now = ctx.now();
  const meta = {
    sections: catalog.sections,
    vocabulary: catalog.vocabulary,
    annexC: catalog.annexC ?? { objectives: [], riskSources: [] },
    links: catalog.links,
    overlaps: catalog.overlaps,
    scoping: catalog.scoping,
    purpose: catalog.framework.purpose,
    source: catalog.framework.source ?? null,
  };
  sqlite
    .prepare(
      `INSERT INTO frameworks (id, name, title, edition, catalog_revision, catalog_hash, meta_json, loaded_at)
       VALUES (@id, @name, @title, @edition, @revision, @hash, @meta, @now)
       ON CONFLICT(id) DO UPDATE SET name = @name, title = @title, edition = @edition,
         catalog_revision = @revision, catalog_hash = @hash, meta_json = @meta, loaded_at = @now`,
    )
    .run({
      id: fw.id,
      name: fw.name,
      title: fw.title,
      edition: fw.edition,
      revision: catalog.revision,
      hash,
      meta: JSON.stringify(meta),
      now,
    });

  const upsert = sqlite.prepare(
    `INSERT INTO requirements (id, framework_id, ref, title, kind, section, parent_ref, level, sort_order, assessable, guidance_json, retired)
     VALUES (@id, @fw, @ref, @title, @kind, @section, @parent, @level, @order, @assessable, @guidance, 0)
     ON CONFLICT(id) DO UPDATE SET title = @title, kind = @kind, section = @section, parent_ref = @parent,
       level = @level, sort_order = @order, assessable = @assessable, guidance_json = @guidance, retired = 0`,
  );
  const deleteQuestions = sqlite.prepare(
    'DELETE FROM interview_questions WHERE requirement_id IN (SELECT id FROM requirements WHERE framework_id = ?)',
  );
  const insertQuestion = sqlite.prepare(
    'INSERT INTO interview_questions (id, requirement_id, position, text, probe, stage, asks) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  deleteQuestions.run(fw.id);
  const levels = new Map<string, number>();
  catalog.nodes.forEach((node, order) => {
    const level = node.parent === null ? 1 : (levels.get(node.parent) ?? 0) + 1;
    levels.set(node.ref, level);
    const id = requirementId(fw.id, node.ref);
    const { questions = [], ...guidance } = node.guidance ?? {};
    upsert.run({
      id,
      fw: fw.id,
      ref: node.ref,
      title: node.title,
      kind: node.kind,
      section: node.section,
      parent: node.parent,
      level,
      order,
      assessable: node.assessable ? 1 : 0,
      guidance: JSON.stringify(node.guidance ? guidance : null),
    });
    questions.forEach((q, position) => {
      insertQuestion.run(
        ctx.newId(),
        id,
        position,
        q.text,
        q.probe ?? null,
        q.stage,
        q.asks ?? null,
      );
    });
  });

  const refs = catalog.nodes.map((n) => n.ref);
  sqlite
    .prepare(
      `UPDATE requirements SET retired = 1 WHERE framework_id = ? AND ref NOT IN (SELECT value FROM json_each(?))`,
    )
    .run(fw.id, JSON.stringify(refs));

  audit(ctx, now, {
    action: 'catalog.load',
    entityType: 'framework',
    entityId: fw.id,
    after: { revision: catalog.revision, hash },
  });
}

export function requirementId(frameworkId: string, ref: string): string {
  return `${frameworkId}:${ref}`;
}
