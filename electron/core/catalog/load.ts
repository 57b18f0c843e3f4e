import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { catalogProblems, catalogSchema, type Catalog } from '../../../shared/catalog/format';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { issuesFromZod, describeIssues } from '../../../shared/contracts/envelope';

export interface CatalogLoadReport {
  frameworkId: string;
  file: string;
  outcome: 'installed' | 'updated' | 'unchanged' | 'kept-newer';
  revision: number;
}

const { frameworks, interviewQuestions, requirements } = schema;

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
  const fw = catalog.framework;
  const existing = ctx.store.db
    .select({ revision: frameworks.catalogRevision, hash: frameworks.catalogHash })
    .from(frameworks)
    .where(eq(frameworks.id, fw.id))
    .get();
  const base = { frameworkId: fw.id, file, revision: catalog.revision };
  if (existing && existing.revision > catalog.revision) return { ...base, outcome: 'kept-newer' };
  if (existing && existing.hash === hash) return { ...base, outcome: 'unchanged' };

  inTransaction(ctx, () => writeCatalog(ctx, catalog, hash));
  return { ...base, outcome: existing ? 'updated' : 'installed' };
}

/**
 * The values bound into the prepared statements, typed from the schema (placeholders are not
 * checked by drizzle, so these are): a renamed or retyped column fails typecheck here.
 */
type RequirementValues = Omit<typeof requirements.$inferInsert, 'frameworkId' | 'retired'>;
type QuestionValues = typeof interviewQuestions.$inferInsert;

/** `SET column = excluded.column` for an upsert: the row as this catalog gives it wins. */
const fromExcluded = (column: SQLiteColumn) => sql.raw(`excluded.${column.name}`);

function writeCatalog(ctx: CoreContext, catalog: Catalog, hash: string): void {
  const { db } = ctx.store;
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
  const framework = {
    name: fw.name,
    title: fw.title,
    edition: fw.edition,
    catalogRevision: catalog.revision,
    catalogHash: hash,
    metaJson: writeJson(meta),
    loadedAt: now,
  };
  db.insert(frameworks)
    .values({ id: fw.id, ...framework })
    .onConflictDoUpdate({ target: frameworks.id, set: framework })
    .run();

  // Requirement ids never change, so answers keep pointing at them: texts are updated in place.
  // Both statements are prepared once per load and run for each node (hundreds per catalog).
  const p = (name: string) => sql.placeholder(name);
  const upsertRequirement = db
    .insert(requirements)
    .values({
      id: p('id'),
      frameworkId: fw.id,
      ref: p('ref'),
      title: p('title'),
      kind: p('kind'),
      section: p('section'),
      parentRef: p('parentRef'),
      level: p('level'),
      sortOrder: p('sortOrder'),
      assessable: p('assessable'),
      guidanceJson: p('guidanceJson'),
      retired: false,
    })
    .onConflictDoUpdate({
      target: requirements.id,
      set: {
        title: fromExcluded(requirements.title),
        kind: fromExcluded(requirements.kind),
        section: fromExcluded(requirements.section),
        parentRef: fromExcluded(requirements.parentRef),
        level: fromExcluded(requirements.level),
        sortOrder: fromExcluded(requirements.sortOrder),
        assessable: fromExcluded(requirements.assessable),
        guidanceJson: fromExcluded(requirements.guidanceJson),
        retired: false,
      },
    })
    .prepare();
  const insertQuestion = db
    .insert(interviewQuestions)
    .values({
      id: p('id'),
      requirementId: p('requirementId'),
      position: p('position'),
      text: p('text'),
      probe: p('probe'),
      stage: p('stage'),
      asks: p('asks'),
    })
    .prepare();

  db.delete(interviewQuestions)
    .where(
      inArray(
        interviewQuestions.requirementId,
        db
          .select({ id: requirements.id })
          .from(requirements)
          .where(eq(requirements.frameworkId, fw.id)),
      ),
    )
    .run();
  const levels = new Map<string, number>();
  catalog.nodes.forEach((node, order) => {
    const level = node.parent === null ? 1 : (levels.get(node.parent) ?? 0) + 1;
    levels.set(node.ref, level);
    const id = requirementId(fw.id, node.ref);
    const { questions = [], ...guidance } = node.guidance ?? {};
    upsertRequirement.run({
      id,
      ref: node.ref,
      title: node.title,
      kind: node.kind,
      section: node.section,
      parentRef: node.parent,
      level,
      sortOrder: order,
      assessable: node.assessable,
      guidanceJson: writeJson(node.guidance ? guidance : null),
    } satisfies RequirementValues);
    questions.forEach((q, position) =>
      insertQuestion.run({
        id: ctx.newId(),
        requirementId: id,
        position,
        text: q.text,
        probe: q.probe ?? null,
        stage: q.stage,
        asks: q.asks ?? null,
      } satisfies QuestionValues),
    );
  });

  // A ref this revision no longer lists is retired, never deleted: answers may point at it.
  const refs = catalog.nodes.map((n) => n.ref);
  db.update(requirements)
    .set({ retired: true })
    .where(
      and(
        eq(requirements.frameworkId, fw.id),
        sql`${requirements.ref} NOT IN (SELECT value FROM json_each(${writeJson(refs)}))`,
      ),
    )
    .run();

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
