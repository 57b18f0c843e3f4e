import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { nodeKinds } from '../../../../shared/catalog/format';

/** One row per framework catalog loaded from resources/frameworks (or imported later). */
export const frameworks = sqliteTable('frameworks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  title: text('title').notNull(),
  edition: text('edition').notNull(),
  catalogRevision: integer('catalog_revision').notNull(),
  catalogHash: text('catalog_hash').notNull(),
  /** Vocabulary, sections, Annex C, links and scoping questions of the catalog, as JSON. */
  metaJson: text('meta_json').notNull(),
  loadedAt: text('loaded_at').notNull(),
});

/**
 * Every node of a framework: clause headings, leaf clauses, Annex A areas/objectives and controls.
 * The id is `<frameworkId>:<ref>` so that answers reference a stable key across catalog revisions.
 */
export const requirements = sqliteTable(
  'requirements',
  {
    id: text('id').primaryKey(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'restrict' }),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: nodeKinds }).notNull(),
    section: text('section').notNull(),
    parentRef: text('parent_ref'),
    level: integer('level').notNull(),
    sortOrder: integer('sort_order').notNull(),
    assessable: integer('assessable', { mode: 'boolean' }).notNull(),
    /** intent, goodPractice, evidence, roles, pitfalls as JSON: guidance text, replaced on catalog update. */
    guidanceJson: text('guidance_json').notNull(),
    /** Set when a newer catalog no longer lists this ref: answers keep pointing at it. */
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('requirements_framework_ref').on(t.frameworkId, t.ref),
    index('requirements_framework_order').on(t.frameworkId, t.sortOrder),
  ],
);

export const interviewQuestions = sqliteTable(
  'interview_questions',
  {
    id: text('id').primaryKey(),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    probe: text('probe'),
    /**
     * Audit stage the question serves (1 design and documentation, 2 operating effectiveness).
     * Null only on rows written before catalog format 2; the loader rewrites every question of a
     * framework whose catalog changed, so a started store never serves one.
     */
    stage: integer('stage'),
    /** 'soa-and-treatment' on the question a control asks about its SoA entry; otherwise null. */
    asks: text('asks'),
  },
  (t) => [uniqueIndex('interview_questions_requirement_position').on(t.requirementId, t.position)],
);
