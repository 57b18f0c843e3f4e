import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { auditStatuses } from '../../../../shared/rules/audit-programme';
import { editStamp } from './columns';
import { engagements } from './engagements';

/**
 * The internal audit programme of an engagement (9.2): a period (typically three years) over
 * which every clause and every applicable control is audited at least once.
 */
export const auditProgrammes = sqliteTable(
  'audit_programmes',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    objectives: text('objectives').notNull(),
    ...editStamp,
  },
  (t) => [index('audit_programmes_engagement').on(t.engagementId)],
);

/** One internal audit of a programme: what it covers, against what, who audits whom, when. */
export const internalAudits = sqliteTable(
  'internal_audits',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => auditProgrammes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    criteria: text('criteria').notNull(),
    plannedOn: text('planned_on'),
    heldFrom: text('held_from'),
    heldTo: text('held_to'),
    status: text('status', { enum: auditStatuses }).notNull(),
    /** JSON Auditor[]: name and the areas (ref prefixes) the person owns. */
    auditorsJson: text('auditors_json').notNull(),
    /** JSON string[]: the people audited. */
    auditeesJson: text('auditees_json').notNull(),
    /** JSON string[]: the requirement ids the audit covers (its checklist comes from them). */
    requirementIdsJson: text('requirement_ids_json').notNull(),
    conclusion: text('conclusion').notNull(),
    ...editStamp,
  },
  (t) => [index('internal_audits_programme').on(t.programmeId)],
);
