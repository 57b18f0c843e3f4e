import { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import {
  iso27001SheetRowSchema,
  type Iso27001ImportSummary,
  type Iso27001SheetRow,
} from '../../../shared/contracts/iso27001';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';

const { iso27001Imports } = schema;
const storedRows = z.array(iso27001SheetRowSchema);

export type StoredImport = Iso27001ImportSummary & { sheetRows: Iso27001SheetRow[] };

/** The newest 27001 sheet imported for an engagement, with its rows; null before any. */
export function latestImport(ctx: CoreContext, engagementId: string): StoredImport | null {
  const row = ctx.store.db
    .select()
    .from(iso27001Imports)
    .where(eq(iso27001Imports.engagementId, engagementId))
    .orderBy(desc(iso27001Imports.importedAt), desc(iso27001Imports.id))
    .limit(1)
    .get();
  if (!row) return null;
  return {
    id: row.id,
    fileName: row.fileName,
    sha256: row.sha256,
    format: row.format,
    rows: row.rowCount,
    importedAt: row.importedAt,
    importedBy: row.importedBy,
    sheetRows: readJson(storedRows, row.rowsJson, 'iso27001_imports.rows_json'),
  };
}
