import { z } from 'zod';
import { importFieldKeys } from '../domain/risk-sheet-fields';
import { idSchema, requiredText } from './common';
import { defineCommand } from './define';
import { incomingTokenSchema } from './incoming';

const fileInput = {
  engagementId: idSchema,
  fileName: requiredText(260),
  /** The sheet sent with incoming.* (never a path); taken once, so each call sends it again. */
  token: incomingTokenSchema,
};

const fieldKey = z.enum(importFieldKeys as [string, ...string[]]);
const mappingSchema = z.partialRecord(fieldKey, z.number().int().min(0).max(500).nullable());

const rowError = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof rowError>;

export const importPreviewSchema = z.object({
  format: z.enum(['xlsx', 'csv']),
  columns: z.array(z.object({ index: z.number().int(), header: z.string() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  rowCount: z.number().int(),
  errorCount: z.number().int(),
  /** The first 200 errors; row numbers are the sheet's own (the header is row 1). */
  errors: z.array(rowError),
  preview: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const riskSheetContracts = {
  'risks.exportXlsx': defineCommand({
    name: 'risks.exportXlsx',
    summary: 'The risk register as an XLSX workbook (base64).',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
    mutates: false,
  }),
  'risks.exportCsv': defineCommand({
    name: 'risks.exportCsv',
    summary: 'The risk register as CSV text.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.object({ fileName: z.string(), text: z.string(), rows: z.number().int() }),
    mutates: false,
  }),
  'risks.importPreview': defineCommand({
    name: 'risks.importPreview',
    summary: 'Read a risk sheet: its columns, a proposed mapping, per-row errors, the first rows.',
    input: z.strictObject({ ...fileInput, mapping: mappingSchema.optional() }),
    output: importPreviewSchema,
    mutates: false,
  }),
  'risks.importCommit': defineCommand({
    name: 'risks.importCommit',
    summary: 'Import every row of a risk sheet in one transaction, or nothing.',
    input: z.strictObject({ ...fileInput, mapping: mappingSchema }),
    output: z.object({ imported: z.number().int() }),
    mutates: true,
  }),
};
