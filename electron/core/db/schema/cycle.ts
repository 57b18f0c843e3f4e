import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { editStamp } from './columns';
import { assessments, findings } from './engagements';

/**
 * "Start the next assessment": which assessment a later cycle was started from. One row per
 * started assessment; an assessment created from scratch has none.
 */
export const assessmentCycles = sqliteTable(
  'assessment_cycles',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    previousAssessmentId: text('previous_assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('assessment_cycles_assessment').on(t.assessmentId),
    index('assessment_cycles_previous').on(t.previousAssessmentId),
  ],
);

export const carriedKinds = ['scope', 'scoping', 'soa'] as const;

/**
 * A decision carried over from the previous cycle that a person has to confirm: the areas left
 * out of scope, one scoping answer, or one SoA decision. `valueJson` keeps what was carried, so
 * the screen can still say what last year's decision was after it has been changed.
 */
export const carriedItems = sqliteTable(
  'carried_items',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: carriedKinds }).notNull(),
    /** scope: "excluded-areas"; scoping: the question id; soa: the requirement id. */
    key: text('key').notNull(),
    valueJson: text('value_json').notNull(),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by'),
    ...editStamp,
  },
  (t) => [uniqueIndex('carried_items_assessment_kind_key').on(t.assessmentId, t.kind, t.key)],
);

/**
 * An open finding of an earlier cycle that stays open in a later one. The finding is not copied
 * (it keeps its reference, history and corrective action); this row lists it in the later cycle.
 */
export const carriedFindings = sqliteTable(
  'carried_findings',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    findingId: text('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('carried_findings_assessment_finding').on(t.assessmentId, t.findingId),
    index('carried_findings_finding').on(t.findingId),
  ],
);
