import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import {
  evidenceClassifications,
  evidenceStatuses,
} from '../../../../shared/rules/evidence-status';
import { editStamp } from './columns';
import { engagements, findings } from './engagements';
import { requirements } from './catalog';
import { risks } from './risks';

/** One stored object in the vault, named by its SHA-256; several records may share it. */
export const evidenceBlobs = sqliteTable('evidence_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  storedAt: text('stored_at').notNull(),
});

export const evidenceItems = sqliteTable(
  'evidence_items',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceBlobs.sha256, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    originalName: text('original_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    providedBy: text('provided_by').notNull().default(''),
    collectedOn: text('collected_on'),
    owner: text('owner').notNull().default(''),
    validUntil: text('valid_until'),
    /** When the item should be looked at again (a policy's review date); past it, it is stale. */
    reviewDue: text('review_due'),
    classification: text('classification', { enum: evidenceClassifications }).notNull(),
    /** requested | received | accepted | rejected; "expired" is derived from validUntil. */
    status: text('status', { enum: evidenceStatuses }).notNull(),
    ...editStamp,
  },
  (t) => [
    index('evidence_items_engagement').on(t.engagementId),
    index('evidence_items_sha').on(t.sha256),
  ],
);

/** A link from an evidence item to exactly one requirement (within an assessment), finding or risk. */
export const evidenceLinks = sqliteTable(
  'evidence_links',
  {
    id: text('id').primaryKey(),
    evidenceId: text('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id').references(() => requirements.id, {
      onDelete: 'restrict',
    }),
    findingId: text('finding_id').references(() => findings.id, { onDelete: 'cascade' }),
    riskId: text('risk_id').references(() => risks.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    index('evidence_links_evidence').on(t.evidenceId),
    index('evidence_links_requirement').on(t.requirementId),
    index('evidence_links_finding').on(t.findingId),
    index('evidence_links_risk').on(t.riskId),
    check(
      'evidence_links_one_target',
      sql`(${t.requirementId} IS NOT NULL) + (${t.findingId} IS NOT NULL) + (${t.riskId} IS NOT NULL) = 1`,
    ),
  ],
);
