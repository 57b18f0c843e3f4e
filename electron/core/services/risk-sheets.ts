import type { ImportPreview } from '../../../shared/contracts/risk-sheets';
import type { ParsedInput } from '../../../shared/contracts';
import { FRAMEWORK_42001 } from '../../../shared/domain/risks';
import { importFields } from '../../../shared/domain/risk-sheet-fields';
import { audit, inTransaction, type CoreContext } from '../context';
import { CommandFailure } from '../errors';
import { readGrid, type Grid } from '../spreadsheets/read';
import {
  convertRows,
  mappingErrors,
  proposeMapping,
  type Mapping,
} from '../spreadsheets/risk-rows';
import { risksToCsv, risksToXlsx } from '../spreadsheets/write';
import { requireEngagement } from '../engagements';
import { currentCriteria } from './risk-criteria';
import { loadRiskLookups } from './risk-lookups';
import { listRisks } from './risks';
import { formatRef, insertRisk, nextRefNumber } from './risk-write';

function exportName(ctx: CoreContext, engagementId: string, ext: string): string {
  const row = ctx.store.sqlite
    .prepare('SELECT client_name AS name FROM engagements WHERE id = ?')
    .get(engagementId) as { name: string };
  const safe =
    row.name
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'engagement';
  return `${safe}-risk-register-${ctx.now().slice(0, 10)}.${ext}`;
}

export async function exportRisksXlsx(ctx: CoreContext, engagementId: string) {
  const risks = listRisks(ctx, engagementId);
  const buffer = await risksToXlsx(risks, 'AI risk register');
  return {
    fileName: exportName(ctx, engagementId, 'xlsx'),
    contentBase64: buffer.toString('base64'),
    rows: risks.length,
  };
}

export function exportRisksCsv(ctx: CoreContext, engagementId: string) {
  const risks = listRisks(ctx, engagementId);
  return {
    fileName: exportName(ctx, engagementId, 'csv'),
    text: risksToCsv(risks),
    rows: risks.length,
  };
}

interface AnnexCMeta {
  annexC?: {
    objectives?: { id: string; title: string }[];
    riskSources?: { id: string; title: string }[];
  };
}

async function analyse(ctx: CoreContext, input: ParsedInput<'risks.importPreview'>) {
  requireEngagement(ctx, input.engagementId);
  const grid: Grid = await readGrid(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const mapping: Mapping = input.mapping ?? proposeMapping(grid.headers);
  const lookups = loadRiskLookups(ctx, input.engagementId);
  const criteria = currentCriteria(ctx, input.engagementId);
  const fw = ctx.store.sqlite
    .prepare('SELECT meta_json AS metaJson FROM frameworks WHERE id = ?')
    .get(FRAMEWORK_42001) as { metaJson: string } | undefined;
  const meta = fw ? (JSON.parse(fw.metaJson) as AnnexCMeta) : {};
  const titles = (list: { id: string; title: string }[] = []) =>
    new Map(list.map((e) => [e.title.toLowerCase(), e.id]));
  const existingRefs = new Set(
    (
      ctx.store.sqlite
        .prepare('SELECT ref FROM risks WHERE engagement_id = ?')
        .all(input.engagementId) as { ref: string }[]
    ).map((r) => r.ref),
  );
  const headerErrors = mappingErrors(mapping, grid.headers);
  const converted =
    headerErrors.length > 0
      ? { rows: [], errors: [] }
      : convertRows(
          grid,
          mapping,
          {
            rules: criteria.rules,
            lookups,
            sourceTitles: titles(meta.annexC?.riskSources),
            objectiveTitles: titles(meta.annexC?.objectives),
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
  const preview = grid.rows.slice(0, 20).map((cells, i) => {
    const values: Record<string, string> = {};
    for (const field of importFields) {
      const index = mapping[field.key];
      if (index !== null && index !== undefined) values[field.key] = cells[index] ?? '';
    }
    return { row: i + 2, values };
  });
  const fullMapping: Record<string, number | null> = {};
  for (const field of importFields) fullMapping[field.key] = mapping[field.key] ?? null;
  return {
    format: grid.format,
    columns: grid.headers.map((header, index) => ({ index, header })),
    mapping: fullMapping,
    rowCount: grid.rows.length,
    errorCount: errors.length,
    errors: errors.slice(0, 200),
    preview,
  };
}

/** Imports all rows in one transaction; a single bad row means nothing is written. */
export async function commitRiskImport(ctx: CoreContext, input: ParsedInput<'risks.importCommit'>) {
  const { errors, rows, lookups, criteria } = await analyse(ctx, input);
  if (errors.length > 0) {
    const first = errors
      .slice(0, 3)
      .map((e) => `row ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message}`)
      .join('; ');
    throw new CommandFailure(
      'VALIDATION',
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in ${input.fileName}; nothing was imported. ${first}`,
      {
        issues: errors.slice(0, 200).map((e) => ({
          path: `row ${e.row}${e.field ? `.${e.field}` : ''}`,
          message: e.message,
        })),
      },
    );
  }
  const now = ctx.now();
  return inTransaction(ctx, () => {
    // Generated refs continue after both the stored ones and any R-n the sheet brings itself.
    const fileMax = Math.max(
      0,
      ...rows.map((r) => Number(/^R-(\d+)$/.exec(r.ref ?? '')?.[1] ?? 0)),
    );
    let next = Math.max(nextRefNumber(ctx, input.engagementId), fileMax + 1);
    for (const row of rows) {
      const ref = row.ref ?? formatRef(next++);
      insertRisk(ctx, now, lookups, criteria, row.fields, ref);
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
