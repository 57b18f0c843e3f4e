import type { CatalogView, FrameworkSummary, Requirement } from '../../../shared/contracts/catalog';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import {
  frameworkPurposes,
  type FrameworkPurpose,
  type Guidance,
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
      `SELECT q.requirement_id AS requirementId, q.text, q.probe FROM interview_questions q
       JOIN requirements r ON r.id = q.requirement_id WHERE r.framework_id = ? ORDER BY q.requirement_id, q.position`,
    )
    .all(frameworkId) as { requirementId: string; text: string; probe: string | null }[];
  const byRequirement = new Map<string, Guidance['questions']>();
  for (const q of questions) {
    const list = byRequirement.get(q.requirementId) ?? [];
    list.push(q.probe === null ? { text: q.text } : { text: q.text, probe: q.probe });
    byRequirement.set(q.requirementId, list);
  }
  const meta = JSON.parse(fw.metaJson) as StoredMeta;
  return {
    framework: summary(fw),
    sections: meta.sections,
    vocabulary: meta.vocabulary,
    annexC: meta.annexC,
    links: meta.links,
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
