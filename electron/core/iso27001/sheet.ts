import crypto from 'node:crypto';
import type { Iso27001Preview } from '../../../shared/contracts/iso27001';
import type { ParsedInput } from '../../../shared/contracts';
import {
  ISO_27001,
  ISO27001_MAX_ROWS,
  iso27001SheetFields,
  type Iso27001FieldKey,
} from '../../../shared/domain/iso27001-sheet';
import { convertIso27001Rows, type Iso27001Entry } from '../../../shared/rules/iso27001-rows';
import {
  fullMapping,
  mappingErrors,
  previewRows,
  proposeMapping,
  type SheetMapping,
} from '../../../shared/rules/sheet-mapping';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { requireEngagement } from '../engagements';
import { requirementIndex } from '../catalog';
import { CommandFailure, invalid } from '../errors';
import { readReceivedSheet, sheetRefusal } from '../sheets';

type SheetInput = ParsedInput<'iso27001.importPreview'>;

/** The clauses and Annex A controls of the 27001 reference catalog, which rows are matched to. */
function catalogEntries(ctx: CoreContext): Iso27001Entry[] {
  const entries: Iso27001Entry[] = [];
  for (const r of requirementIndex(ctx, ISO_27001).byId.values()) {
    if (r.kind === 'clause' || r.kind === 'control')
      entries.push({ ref: r.ref, title: r.title, kind: r.kind });
  }
  if (entries.length === 0)
    throw new CommandFailure('NOT_FOUND', 'The ISO/IEC 27001 reference catalog is not loaded.');
  return entries;
}

async function analyse(ctx: CoreContext, input: SheetInput) {
  requireEngagement(ctx, input.engagementId);
  const { grid, bytes } = await readReceivedSheet(ctx, input);
  if (grid.rows.length > ISO27001_MAX_ROWS)
    throw invalid(
      'file',
      `${input.fileName} has ${grid.rows.length.toLocaleString('en')} rows; an ISO/IEC 27001 sheet has a few hundred at most. Is it the right file?`,
    );
  const mapping: SheetMapping<Iso27001FieldKey> =
    input.mapping ?? proposeMapping(iso27001SheetFields, grid.headers);
  const headerErrors = mappingErrors(iso27001SheetFields, mapping, grid.headers);
  const converted =
    headerErrors.length > 0
      ? { rows: [], errors: [], plainNumbers: input.plainNumbers ?? 'annex-a' }
      : convertIso27001Rows(grid.rows, mapping, catalogEntries(ctx), input.plainNumbers);
  return {
    grid,
    mapping,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    plainNumbers: converted.plainNumbers,
    rows: converted.rows,
    errors: [...headerErrors, ...converted.errors],
  };
}

export async function previewIso27001Import(
  ctx: CoreContext,
  input: SheetInput,
): Promise<Iso27001Preview> {
  const { grid, mapping, plainNumbers, rows, errors } = await analyse(ctx, input);
  const refByRow = new Map(rows.map((r) => [r.row, r.ref]));
  return {
    format: grid.format,
    columns: grid.headers.map((header, index) => ({ index, header })),
    mapping: fullMapping(iso27001SheetFields, mapping),
    plainNumbers,
    rowCount: grid.rows.length,
    readyCount: rows.length,
    errorCount: errors.length,
    errors: errors.slice(0, 200),
    preview: previewRows(iso27001SheetFields, mapping, grid.rows).map((p) => ({
      ...p,
      ref: refByRow.get(p.row) ?? null,
    })),
  };
}

/** Keeps every row of the sheet in one transaction; a single problem means nothing is kept. */
export async function commitIso27001Import(
  ctx: CoreContext,
  input: ParsedInput<'iso27001.importCommit'>,
) {
  const { grid, mapping, sha256, plainNumbers, rows, errors } = await analyse(ctx, input);
  if (errors.length > 0) throw sheetRefusal(input.fileName, errors);
  const now = ctx.now();
  const id = ctx.newId();
  return inTransaction(ctx, () => {
    const record = {
      id,
      engagementId: input.engagementId,
      fileName: input.fileName,
      sha256,
      format: grid.format,
      plainNumbers,
      mappingJson: writeJson(mapping),
      rowsJson: writeJson(rows),
      rowCount: rows.length,
      importedAt: now,
      importedBy: ctx.actor(),
    };
    ctx.store.db.insert(schema.iso27001Imports).values(record).run();
    audit(ctx, now, {
      action: 'iso27001.import',
      entityType: 'engagement',
      entityId: input.engagementId,
      scopeId: input.engagementId,
      after: { importId: id, fileName: input.fileName, sha256, rows: rows.length },
    });
    return {
      id,
      fileName: record.fileName,
      sha256,
      format: record.format,
      rows: rows.length,
      importedAt: now,
      importedBy: record.importedBy,
    };
  });
}
