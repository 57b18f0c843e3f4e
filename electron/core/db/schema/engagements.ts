import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  assessmentStatuses,
  findingGrades,
  findingStatuses,
  implementationStatuses,
  results,
} from '../../../../shared/domain/assessment';
import { editStamp } from './columns';
import { frameworks, requirements } from './catalog';

export const engagements = sqliteTable('engagements', {
  id: text('id').primaryKey(),
  clientName: text('client_name').notNull(),
  aimsScope: text('aims_scope').notNull(),
  /** JSON array of the organisation's AI roles (provider, developer, user …). */
  aiRolesJson: text('ai_roles_json').notNull(),
  /** JSON array of site names. */
  sitesJson: text('sites_json').notNull(),
  leadAssessor: text('lead_assessor').notNull(),
  startDate: text('start_date'),
  endDate: text('end_date'),
  notes: text('notes').notNull().default(''),
  ...editStamp,
});

export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    /** JSON array of section/area refs left out of scope (e.g. ["A.10"]). */
    excludedAreasJson: text('excluded_areas_json').notNull().default('[]'),
    status: text('status', { enum: assessmentStatuses }).notNull(),
    plannedStart: text('planned_start'),
    plannedEnd: text('planned_end'),
    /** Where the consultant left off, so reopening resumes there. */
    lastRequirementId: text('last_requirement_id').references(() => requirements.id, {
      onDelete: 'set null',
    }),
    /** JSON answers to the once-per-assessment scoping questions. */
    scopingJson: text('scoping_json').notNull().default('{}'),
    ...editStamp,
  },
  (t) => [index('assessments_engagement').on(t.engagementId)],
);

export const interviewSessions = sqliteTable(
  'interview_sessions',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    heldAt: text('held_at').notNull(),
    /** JSON array of {name, role}. */
    intervieweesJson: text('interviewees_json').notNull(),
    /** JSON array of names. */
    attendeesJson: text('attendees_json').notNull(),
    notes: text('notes').notNull().default(''),
    ...editStamp,
  },
  (t) => [index('interview_sessions_assessment').on(t.assessmentId)],
);

export const interviewSessionRequirements = sqliteTable(
  'interview_session_requirements',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
  },
  (t) => [
    uniqueIndex('interview_session_requirements_pk').on(t.sessionId, t.requirementId),
    index('interview_session_requirements_requirement').on(t.requirementId),
  ],
);

export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
    result: text('result', { enum: results }).notNull(),
    maturity: integer('maturity'),
    notes: text('notes').notNull().default(''),
    naJustification: text('na_justification').notNull().default(''),
    /** JSON array of interviewee names. */
    intervieweesJson: text('interviewees_json').notNull().default('[]'),
    followUp: integer('follow_up', { mode: 'boolean' }).notNull().default(false),
    sessionId: text('session_id').references(() => interviewSessions.id, { onDelete: 'set null' }),
    ...editStamp,
  },
  (t) => [
    uniqueIndex('responses_assessment_requirement').on(t.assessmentId, t.requirementId),
    index('responses_requirement').on(t.requirementId),
    index('responses_session').on(t.sessionId),
  ],
);

export const findings = sqliteTable(
  'findings',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
    /** Human reference shown in reports (F-001), unique per assessment. */
    ref: text('ref').notNull(),
    grade: text('grade', { enum: findingGrades }).notNull(),
    statement: text('statement').notNull(),
    evidenceRef: text('evidence_ref').notNull().default(''),
    recommendation: text('recommendation').notNull().default(''),
    owner: text('owner').notNull().default(''),
    dueDate: text('due_date'),
    status: text('status', { enum: findingStatuses }).notNull(),
    closedAt: text('closed_at'),
    ...editStamp,
  },
  (t) => [
    uniqueIndex('findings_assessment_ref').on(t.assessmentId, t.ref),
    index('findings_requirement').on(t.requirementId),
  ],
);

export const soaEntries = sqliteTable(
  'soa_entries',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
    applicable: integer('applicable', { mode: 'boolean' }).notNull(),
    justification: text('justification').notNull(),
    implementationStatus: text('implementation_status', { enum: implementationStatuses }).notNull(),
    ...editStamp,
  },
  (t) => [
    uniqueIndex('soa_entries_assessment_requirement').on(t.assessmentId, t.requirementId),
    index('soa_entries_requirement').on(t.requirementId),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
