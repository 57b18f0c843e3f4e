import type { CatalogView, FrameworkSummary, Requirement } from '../../../shared/contracts/catalog';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import {
  frameworkPurposes,
  scopingQuestionSchema,
  type FrameworkPurpose,
  type Guidance,
  type InterviewQuestion,
  type ScopingQuestion,
} from '../../../shared/catalog/format';
import { readJson, schema } from '../db';
import type { CoreContext } from '../context';
import { notFound } from '../errors';

interface FrameworkRow {
  id: string;
  name: string;
  title: string;
  edition: string;
  revision: number;
  metaJson: string;
  requirementCount: number;
  assessableCount: number;
}

const FRAMEWORK_SELECT = `
  SELECT f.id, f.name, f.title, f.edition, f.catalog_revision AS revision, f.meta_json AS metaJson,
    (SELECT count(*) FROM requirements r WHERE r.framework_id = f.id AND r.retired = 0) AS requirementCount,
    (SELECT count(*) FROM requirements r WHERE r.framework_id = f.id AND r.retired = 0 AND r.assessable = 1) AS assessableCount
  FROM frameworks f`;

interface StoredMeta extends Omit<CatalogView, 'framework' | 'requirements'> {
  purpose?: FrameworkPurpose;
  source?: string | null;
}

/** What frameworks.meta_json says about the catalog's purpose; rows loaded before reference catalogs existed were all assessment catalogs. */
const purposeSchema = z.object({
  purpose: z.enum(frameworkPurposes).default('assessment'),
  source: z.string().nullable().default(null),
});

function summary(row: FrameworkRow): FrameworkSummary {
  const { metaJson, ...rest } = row;
  return { ...rest, ...readJson(purposeSchema, metaJson, 'frameworks.meta_json') };
}

/** Assessment catalogs first (ISO/IEC 42001 and any custom copy), then the reference catalogs. */
export function listFrameworks(ctx: CoreContext): FrameworkSummary[] {
  const rows = ctx.store.sqlite.prepare(FRAMEWORK_SELECT).all() as FrameworkRow[];
  const summaries = rows.map(summary);
  const rank = (f: FrameworkSummary) => (f.purpose === 'reference' ? 1 : 0);
  // Names in code-point order, as SQLite's ORDER BY did before reference catalogs came along.
  const byName = (a: FrameworkSummary, b: FrameworkSummary) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return summaries.sort((a, b) => rank(a) - rank(b) || byName(a, b));
}

/** Whether a loaded framework may be assessed against; false for reference catalogs and unknown ids. */
export function isAssessableFramework(ctx: CoreContext, frameworkId: string): boolean {
  const row = ctx.store.db
    .select({ metaJson: schema.frameworks.metaJson })
    .from(schema.frameworks)
    .where(eq(schema.frameworks.id, frameworkId))
    .get();
  return (
    row !== undefined &&
    readJson(purposeSchema, row.metaJson, 'frameworks.meta_json').purpose === 'assessment'
  );
}

interface RequirementRow {
  id: string;
  ref: string;
  title: string;
  kind: Requirement['kind'];
  section: string;
  parentRef: string | null;
  level: number;
  assessable: number;
  guidanceJson: string;
}

interface QuestionRow {
  requirementId: string;
  text: string;
  probe: string | null;
  stage: number | null;
  asks: string | null;
}

/** A stored question as the catalog file had it: optional fields absent rather than null. */
function questionOf(row: QuestionRow): InterviewQuestion {
  if (row.stage !== 1 && row.stage !== 2) {
    // Only rows written before catalog format 2 lack a stage, and loading a catalog rewrites them.
    throw new Error(`Question of ${row.requirementId} has no audit stage; reload the catalog.`);
  }
  return {
    text: row.text,
    ...(row.probe === null ? {} : { probe: row.probe }),
    stage: row.stage,
    ...(row.asks === 'soa-and-treatment' ? { asks: row.asks } : {}),
  };
}

export function getCatalog(ctx: CoreContext, frameworkId: string): CatalogView {
  const sqlite = ctx.store.sqlite;
  const fw = sqlite.prepare(`${FRAMEWORK_SELECT} WHERE f.id = ?`).get(frameworkId) as
    FrameworkRow | undefined;
  if (!fw) throw notFound('Framework', frameworkId);
  const rows = sqlite
    .prepare(
      `SELECT id, ref, title, kind, section, parent_ref AS parentRef, level, assessable, guidance_json AS guidanceJson
       FROM requirements WHERE framework_id = ? AND retired = 0 ORDER BY sort_order`,
    )
    .all(frameworkId) as RequirementRow[];
  const questions = sqlite
    .prepare(
      `SELECT q.requirement_id AS requirementId, q.text, q.probe, q.stage, q.asks FROM interview_questions q
       JOIN requirements r ON r.id = q.requirement_id WHERE r.framework_id = ? ORDER BY q.requirement_id, q.position`,
    )
    .all(frameworkId) as QuestionRow[];
  const byRequirement = new Map<string, Guidance['questions']>();
  for (const row of questions) {
    const list = byRequirement.get(row.requirementId) ?? [];
    list.push(questionOf(row));
    byRequirement.set(row.requirementId, list);
  }
  const meta = JSON.parse(fw.metaJson) as StoredMeta;
  return {
    framework: summary(fw),
    sections: meta.sections,
    vocabulary: meta.vocabulary,
    annexC: meta.annexC,
    links: meta.links,
    overlaps: meta.overlaps,
    scoping: meta.scoping,
    requirements: rows.map((row) => {
      const stored = JSON.parse(row.guidanceJson) as Omit<Guidance, 'questions'> | null;
      return {
        id: row.id,
        ref: row.ref,
        title: row.title,
        kind: row.kind,
        section: row.section,
        parentRef: row.parentRef,
        level: row.level,
        assessable: row.assessable === 1,
        guidance: stored ? { ...stored, questions: byRequirement.get(row.id) ?? [] } : null,
      };
    }),
  };
}

/** The scoping questions of a framework, as its catalog defines them. */
export function scopingQuestions(ctx: CoreContext, frameworkId: string): ScopingQuestion[] {
  const row = ctx.store.sqlite
    .prepare('SELECT meta_json AS metaJson FROM frameworks WHERE id = ?')
    .get(frameworkId) as { metaJson: string } | undefined;
  if (!row) throw notFound('Framework', frameworkId);
  return readJson(storedScoping, row.metaJson, 'frameworks.meta_json').scoping;
}

const storedScoping = z.object({ scoping: z.array(scopingQuestionSchema) });
