import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { actionStatuses, rootCauseMethods } from '../../../../shared/rules/corrective-actions';
import { editStamp } from './columns';
import { engagements, findings } from './engagements';

/**
 * The corrective action of one finding (10.2): correction, root cause, action, completion, then
 * the effectiveness review — or an explicit acceptance. One per finding; the finding keeps its
 * cycle, the action is the engagement's (last year's nonconformity is often fixed this year).
 */
export const correctiveActions = sqliteTable(
  'corrective_actions',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    findingId: text('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    correction: text('correction').notNull(),
    rootCauseMethod: text('root_cause_method', { enum: rootCauseMethods }),
    /** JSON string[]: the answers to "why?", first to last. */
    whysJson: text('whys_json').notNull(),
    /** JSON CauseCategory[]. */
    causeCategoriesJson: text('cause_categories_json').notNull(),
    rootCause: text('root_cause').notNull(),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueDate: text('due_date'),
    completedOn: text('completed_on'),
    completionEvidence: text('completion_evidence').notNull(),
    status: text('status', { enum: actionStatuses }).notNull(),
    reviewedOn: text('reviewed_on'),
    reviewer: text('reviewer').notNull(),
    effective: integer('effective', { mode: 'boolean' }),
    reviewNotes: text('review_notes').notNull(),
    acceptedReason: text('accepted_reason').notNull(),
    acceptedBy: text('accepted_by').notNull(),
    acceptedOn: text('accepted_on'),
    ...editStamp,
  },
  (t) => [
    uniqueIndex('corrective_actions_finding').on(t.findingId),
    index('corrective_actions_engagement').on(t.engagementId),
  ],
);
