import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { documentKeys } from '../../../../shared/rules/documented-information';
import { editStamp } from './columns';
import { assessments } from './engagements';
import { evidenceItems } from './evidence';

/**
 * What the consultant saw of one item of mandatory documented information in one assessment
 * (shared/rules/documented-information.ts lists the items). Readiness reads these records, not the
 * interview answers. Column names avoid the SQL words EXISTS and CURRENT.
 */
export const documentedInformation = sqliteTable(
  'documented_information',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    itemKey: text('item_key', { enum: documentKeys }).notNull(),
    exists: integer('is_present', { mode: 'boolean' }).notNull(),
    approved: integer('is_approved', { mode: 'boolean' }).notNull(),
    current: integer('is_current', { mode: 'boolean' }).notNull(),
    /** The person who owns the document at the organisation. */
    owner: text('owner').notNull().default(''),
    /** Next review due, YYYY-MM-DD. */
    reviewDate: text('review_date'),
    /** The organisation's identifier, version or place for it (e.g. "POL-AI-01 v3, intranet"). */
    reference: text('reference').notNull().default(''),
    notes: text('notes').notNull().default(''),
    ...editStamp,
  },
  (t) => [uniqueIndex('documented_information_assessment_item').on(t.assessmentId, t.itemKey)],
);

/** Evidence items (of the same engagement) that show the document. */
export const documentedInformationEvidence = sqliteTable(
  'documented_information_evidence',
  {
    recordId: text('record_id')
      .notNull()
      .references(() => documentedInformation.id, { onDelete: 'cascade' }),
    evidenceId: text('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('documented_information_evidence_pk').on(t.recordId, t.evidenceId),
    index('documented_information_evidence_evidence').on(t.evidenceId),
  ],
);
