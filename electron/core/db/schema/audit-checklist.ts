import { index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { checklistVerdicts, nonconformityGrades } from '../../../../shared/rules/audit-checklist';
import { internalAudits } from './audits';
import { requirements } from './catalog';
import { editStamp } from './columns';
import { findings } from './engagements';
import { evidenceItems } from './evidence';

/**
 * One answered line of an internal audit's checklist: the verdict on a requirement the audit
 * covers, with notes. A line exists only once answered; the checklist itself is drawn from the
 * audit's requirements and the question bank on every read.
 */
export const auditChecklistItems = sqliteTable(
  'audit_checklist_items',
  {
    id: text('id').primaryKey(),
    auditId: text('audit_id')
      .notNull()
      .references(() => internalAudits.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
    verdict: text('verdict', { enum: checklistVerdicts }).notNull(),
    /** Major or minor, for a nonconformity; null otherwise. */
    grade: text('grade', { enum: nonconformityGrades }),
    notes: text('notes').notNull(),
    /**
     * The finding a nonconformity raised in the engagement's current assessment (same
     * transaction). Null for other verdicts, or when someone deleted that finding since.
     */
    findingId: text('finding_id').references(() => findings.id, { onDelete: 'set null' }),
    ...editStamp,
  },
  (t) => [
    uniqueIndex('audit_checklist_items_audit_requirement').on(t.auditId, t.requirementId),
    uniqueIndex('audit_checklist_items_finding').on(t.findingId),
  ],
);

/** Evidence the auditor looked at for a checklist line; gone with the item or the evidence. */
export const auditChecklistEvidence = sqliteTable(
  'audit_checklist_evidence',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => auditChecklistItems.id, { onDelete: 'cascade' }),
    evidenceId: text('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.evidenceId] }),
    index('audit_checklist_evidence_evidence').on(t.evidenceId),
  ],
);
