import { eq } from 'drizzle-orm';
import type { ImportPreview } from '../../../shared/contracts/risk-sheets';
import type { ParsedInput } from '../../../shared/contracts';
import { importFields } from '../../../shared/domain/risk-sheet-fields';
import { exportFileName } from '../../../shared/rules/file-name';
import {
  fullMapping,
  mappingErrors,
  previewRows,
  proposeMapping,
} from '../../../shared/rules/sheet-mapping';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { requireEngagement } from '../engagements';
import { currentCriteria } from './criteria';
import { annexC, loadRiskLookups } from './lookups';
import { listRisks } from './register';
import { convertRows, type Mapping } from './sheet-rows';
import { risksToCsv, risksToXlsx } from './sheet-write';
import { readReceivedSheet, sheetRefusal } from '../sheets';
import { formatRef, insertRisk, nextRefNumber, riskWriter } from './write';

const { engagements, risks } = schema;

function exportName(ctx: CoreContext, engagementId: string, ext: string): string {
  const row = ctx.store.db
    .select({ name: engagements.clientName })
    .from(engagements)
    .where(eq(engagements.id, engagementId))
    .get();
  return exportFileName(row?.name ?? '', 'risk-register', ctx.now(), ext);
}

export async function exportRisksXlsx(ctx: CoreContext, engagementId: string) {
  const register = listRisks(ctx, engagementId);
  const buffer = await risksToXlsx(register, 'AI risk register');
  return {
    fileName: exportName(ctx, engagementId, 'xlsx'),
    contentBase64: buffer.toString('base64'),
    rows: register.length,
  };
}

export function exportRisksCsv(ctx: CoreContext, engagementId: string) {
  const register = listRisks(ctx, engagementId);
  return {
    fileName: exportName(ctx, engagementId, 'csv'),
    text: risksToCsv(register),
    rows: register.length,
  };
}

async function analyse(ctx: CoreContext, input: ParsedInput<'risks.importPreview'>) {
  requireEngagement(ctx, input.engagementId);
  const { grid } = await readReceivedSheet(ctx, input);
  const mapping: Mapping = input.mapping ?? proposeMapping(importFields, grid.headers);
  const lookups = loadRiskLookups(ctx, input.engagementId);
  const criteria = currentCriteria(ctx, input.engagementId);
  const annex = annexC(ctx);
  const titles = (list: { id: string; title: string }[]) =>
    new Map(list.map((e) => [e.title.toLowerCase(), e.id]));
  const existingRefs = new Set(
    ctx.store.db
      .select({ ref: risks.ref })
      .from(risks)
      .where(eq(risks.engagementId, input.engagementId))
      .all()
      .map((r) => r.ref),
  );
  const headerErrors = mappingErrors(importFields, mapping, grid.headers);
  const converted =
    headerErrors.length > 0
      ? { rows: [], errors: [] }
      : convertRows(
          grid,
          mapping,
          {
            rules: criteria.rules,
            lookups,
            sourceTitles: titles(annex.riskSources),
            objectiveTitles: titles(annex.objectives),
          },
          existingRefs,
        );
  return {
    grid,
    mapping,
    lookups,
    criteria,
    errors: [...headerErrors, ...converted.errors],
    rows: converted.rows,
  };
}

export async function previewRiskImport(
  ctx: CoreContext,
  input: ParsedInput<'risks.importPreview'>,
): Promise<ImportPreview> {
  const { grid, mapping, errors } = await analyse(ctx, input);
  return {
    format: grid.format,
    columns: grid.headers.map((header, index) => ({ index, header })),
    mapping: fullMapping(importFields, mapping),
    rowCount: grid.rows.length,
    errorCount: errors.length,
    errors: errors.slice(0, 200),
    preview: previewRows(importFields, mapping, grid.rows),
  };
}

/** Imports all rows in one transaction; a single bad row means nothing is written. */
export async function commitRiskImport(ctx: CoreContext, input: ParsedInput<'risks.importCommit'>) {
  const { errors, rows, lookups, criteria } = await analyse(ctx, input);
  if (errors.length > 0) throw sheetRefusal(input.fileName, errors);
  const now = ctx.now();
  return inTransaction(ctx, () => {
    // Generated refs continue after both the stored ones and any R-n the sheet brings itself.
    const fileMax = Math.max(
      0,
      ...rows.map((r) => Number(/^R-(\d+)$/.exec(r.ref ?? '')?.[1] ?? 0)),
    );
    let next = Math.max(nextRefNumber(ctx, input.engagementId), fileMax + 1);
    const writer = riskWriter(ctx);
    for (const row of rows) {
      const ref = row.ref ?? formatRef(next++);
      insertRisk(ctx, writer, now, lookups, criteria, row.fields, ref);
    }
    audit(ctx, now, {
      action: 'risk.import',
      entityType: 'engagement',
      entityId: input.engagementId,
      scopeId: input.engagementId,
      after: { fileName: input.fileName, imported: rows.length },
    });
    return { imported: rows.length };
  });
}
