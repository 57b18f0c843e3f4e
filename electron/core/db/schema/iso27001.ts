import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { engagements } from './engagements';

/**
 * A client's ISO/IEC 27001 SoA or assessment sheet as imported for an engagement: never edited,
 * so no edit stamp; a new import adds a row and the newest is the one shown. The rows are kept as
 * read (JSON array, checked with readJson) because a sheet has at most a few hundred of them and
 * is only ever read whole.
 */
export const iso27001Imports = sqliteTable(
  'iso27001_imports',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file as received, so the imported sheet can be matched to its source. */
    sha256: text('sha256').notNull(),
    format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
    plainNumbers: text('plain_numbers', { enum: ['annex-a', 'clauses'] }).notNull(),
    /** JSON: field → column index, as the consultant confirmed it. */
    mappingJson: text('mapping_json').notNull(),
    /** JSON array of the rows as read (Iso27001SheetRow). */
    rowsJson: text('rows_json').notNull(),
    rowCount: integer('row_count').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
  },
  (t) => [index('iso27001_imports_engagement').on(t.engagementId, t.importedAt)],
);
