import { and, asc, eq } from 'drizzle-orm';
import {
  catalogViewSchema,
  type CatalogView,
  type FrameworkSummary,
} from '../../../shared/contracts/catalog';
import { z } from 'zod';
import {
  frameworkPurposes,
  guidanceSchema,
  scopingQuestionSchema,
  type Guidance,
  type InterviewQuestion,
  type ScopingQuestion,
} from '../../../shared/catalog/format';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { notFound } from '../errors';

const { frameworks, requirements, interviewQuestions } = schema;

/** What a framework's meta_json holds: the catalog view apart from the framework and its tree. */
const metaSchema = catalogViewSchema.pick({
  sections: true,
  vocabulary: true,
  annexC: true,
  links: true,
  overlaps: true,
  scoping: true,
});
/** What frameworks.meta_json says about the catalog's purpose; rows loaded before reference catalogs existed were all assessment catalogs. */
const purposeSchema = z.object({
  purpose: z.enum(frameworkPurposes).default('assessment'),
  source: z.string().nullable().default(null),
});
/** guidance_json holds the guidance without its questions (those have their own table). */
const storedGuidanceSchema = guidanceSchema.omit({ questions: true }).nullable();

function selectFrameworks(ctx: CoreContext) {
  const { db } = ctx.store;
  const current = and(eq(requirements.frameworkId, frameworks.id), eq(requirements.retired, false));
  return db
    .select({
      id: frameworks.id,
      name: frameworks.name,
      title: frameworks.title,
      edition: frameworks.edition,
      revision: frameworks.catalogRevision,
      requirementCount: db.$count(requirements, current),
      assessableCount: db.$count(requirements, and(current, eq(requirements.assessable, true))),
      metaJson: frameworks.metaJson,
    })
    .from(frameworks);
}

type FrameworkRow = ReturnType<ReturnType<typeof selectFrameworks>['all']>[number];

function summary(row: FrameworkRow): FrameworkSummary {
  const { metaJson, ...rest } = row;
  return { ...rest, ...readJson(purposeSchema, metaJson, 'frameworks.meta_json') };
}

/** Assessment catalogs first (ISO/IEC 42001 and any custom copy), then the reference catalogs. */
export function listFrameworks(ctx: CoreContext): FrameworkSummary[] {
  const summaries = selectFrameworks(ctx).all().map(summary);
  const rank = (f: FrameworkSummary) => (f.purpose === 'reference' ? 1 : 0);
  // Names in code-point order, as SQLite's ORDER BY did before reference catalogs came along.
  const byName = (a: FrameworkSummary, b: FrameworkSummary) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return summaries.sort((a, b) => rank(a) - rank(b) || byName(a, b));
}

/** Whether a loaded framework may be assessed against; false for reference catalogs and unknown ids. */
export function isAssessableFramework(ctx: CoreContext, frameworkId: string): boolean {
  const row = ctx.store.db
    .select({ metaJson: frameworks.metaJson })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .get();
  return (
    row !== undefined &&
    readJson(purposeSchema, row.metaJson, 'frameworks.meta_json').purpose === 'assessment'
  );
}

type QuestionRow = ReturnType<typeof questionRows>[number];

function questionRows(ctx: CoreContext, frameworkId: string) {
  return ctx.store.db
    .select({
      requirementId: interviewQuestions.requirementId,
      text: interviewQuestions.text,
      probe: interviewQuestions.probe,
      stage: interviewQuestions.stage,
      asks: interviewQuestions.asks,
    })
    .from(interviewQuestions)
    .innerJoin(requirements, eq(requirements.id, interviewQuestions.requirementId))
    .where(eq(requirements.frameworkId, frameworkId))
    .orderBy(asc(interviewQuestions.requirementId), asc(interviewQuestions.position))
    .all();
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

/** Each requirement's interview questions, in order. */
function questionsOf(ctx: CoreContext, frameworkId: string): Map<string, Guidance['questions']> {
  const byRequirement = new Map<string, Guidance['questions']>();
  for (const row of questionRows(ctx, frameworkId)) {
    const list = byRequirement.get(row.requirementId) ?? [];
    list.push(questionOf(row));
    byRequirement.set(row.requirementId, list);
  }
  return byRequirement;
}

export function getCatalog(ctx: CoreContext, frameworkId: string): CatalogView {
  const fw = selectFrameworks(ctx).where(eq(frameworks.id, frameworkId)).get();
  if (!fw) throw notFound('Framework', frameworkId);
  const rows = ctx.store.db
    .select({
      id: requirements.id,
      ref: requirements.ref,
      title: requirements.title,
      kind: requirements.kind,
      section: requirements.section,
      parentRef: requirements.parentRef,
      level: requirements.level,
      assessable: requirements.assessable,
      guidanceJson: requirements.guidanceJson,
    })
    .from(requirements)
    .where(and(eq(requirements.frameworkId, frameworkId), eq(requirements.retired, false)))
    .orderBy(asc(requirements.sortOrder))
    .all();
  const questions = questionsOf(ctx, frameworkId);
  const meta = readJson(metaSchema, fw.metaJson, 'frameworks.meta_json');
  return {
    framework: summary(fw),
    sections: meta.sections,
    vocabulary: meta.vocabulary,
    annexC: meta.annexC,
    links: meta.links,
    overlaps: meta.overlaps,
    scoping: meta.scoping,
    requirements: rows.map(({ guidanceJson, ...row }) => {
      const stored = readJson(storedGuidanceSchema, guidanceJson, 'requirements.guidance_json');
      return {
        ...row,
        guidance: stored ? { ...stored, questions: questions.get(row.id) ?? [] } : null,
      };
    }),
  };
}

const storedScoping = z.object({ scoping: z.array(scopingQuestionSchema) });

/** The scoping questions of a framework, as its catalog defines them. */
export function scopingQuestions(ctx: CoreContext, frameworkId: string): ScopingQuestion[] {
  const row = ctx.store.db
    .select({ metaJson: frameworks.metaJson })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .get();
  if (!row) throw notFound('Framework', frameworkId);
  return readJson(storedScoping, row.metaJson, 'frameworks.meta_json').scoping;
}
