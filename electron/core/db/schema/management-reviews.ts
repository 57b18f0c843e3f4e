import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { reviewStatuses } from '../../../../shared/rules/management-review';
import { editStamp } from './columns';
import { engagements } from './engagements';

/**
 * A management review (9.3): what top management reviewed (the inputs Assay compiles, frozen when
 * the review is held), what the organisation added, and the decisions and actions with owners.
 */
export const managementReviews = sqliteTable(
  'management_reviews',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    plannedOn: text('planned_on'),
    heldOn: text('held_on'),
    status: text('status', { enum: reviewStatuses }).notNull(),
    chair: text('chair').notNull(),
    /** JSON string[]. */
    attendeesJson: text('attendees_json').notNull(),
    /** What the organisation adds: changes in internal and external issues, feedback, resources. */
    issuesChanges: text('issues_changes').notNull(),
    interestedParties: text('interested_parties').notNull(),
    resources: text('resources').notNull(),
    opportunities: text('opportunities').notNull(),
    /** Anything else the organisation brings to the review (added in 0011; '' on older rows). */
    otherInputs: text('other_inputs').notNull().default(''),
    /** JSON ReviewDecision[]: decisions and actions with owners and due dates. */
    decisionsJson: text('decisions_json').notNull(),
    /** JSON ReviewInputs, frozen when the review is held; null while planned (compiled live). */
    inputsJson: text('inputs_json'),
    ...editStamp,
  },
  (t) => [index('management_reviews_engagement').on(t.engagementId)],
);
