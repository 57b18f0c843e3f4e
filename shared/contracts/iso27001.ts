import { z } from 'zod';
import { implementationStatuses, results } from '../domain/assessment';
import { applicabilities, iso27001FieldKeys, plainNumberReadings } from '../domain/iso27001-sheet';
import { crosswalkConfidences, crosswalkRelations } from '../crosswalk/format';
import { idSchema, requiredText } from './common';
import { defineCommand } from './define';
import { incomingTokenSchema } from './incoming';
import { responseSchema } from './responses';

const fieldKey = z.enum(iso27001FieldKeys as [string, ...string[]]);
const mappingSchema = z.partialRecord(fieldKey, z.number().int().min(0).max(500).nullable());

const sheetInput = {
  engagementId: idSchema,
  fileName: requiredText(260),
  /** The sheet sent with incoming.*; a received file is taken once, so each step sends it. */
  token: incomingTokenSchema,
  /** How bare numbers such as 5.1 are read; guessed from the sheet when absent. */
  plainNumbers: z.enum(plainNumberReadings).optional(),
};

const rowError = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});

export const iso27001PreviewSchema = z.object({
  format: z.enum(['xlsx', 'csv']),
  columns: z.array(z.object({ index: z.number().int(), header: z.string() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  plainNumbers: z.enum(plainNumberReadings),
  rowCount: z.number().int(),
  /** Rows that will be imported (blank rows are skipped). */
  readyCount: z.number().int(),
  errorCount: z.number().int(),
  /** The first 200 errors; row numbers are the sheet's own (the header is row 1). */
  errors: z.array(rowError),
  preview: z.array(
    z.object({
      row: z.number().int(),
      values: z.record(z.string(), z.string()),
      /** The catalog clause or control the row was matched to; null when it could not be. */
      ref: z.string().nullable(),
    }),
  ),
});
export type Iso27001Preview = z.infer<typeof iso27001PreviewSchema>;

export const iso27001SheetRowSchema = z.object({
  row: z.number().int(),
  ref: z.string(),
  sheetRef: z.string(),
  applicability: z.enum(applicabilities).nullable(),
  status: z.enum(implementationStatuses).nullable(),
  statusText: z.string(),
  justification: z.string(),
  notes: z.string(),
  evidence: z.array(z.string()),
});
export type Iso27001SheetRow = z.infer<typeof iso27001SheetRowSchema>;

export const iso27001ImportSummarySchema = z.object({
  id: idSchema,
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['xlsx', 'csv']),
  rows: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type Iso27001ImportSummary = z.infer<typeof iso27001ImportSummarySchema>;

/** An evidence item of the engagement whose name matches a reference in the 27001 sheet. */
const evidenceOfferSchema = z.object({
  reference: z.string(),
  /** The 27001 clause or control whose row names it. */
  from: z.string(),
  items: z.array(
    z.object({
      id: idSchema,
      title: z.string(),
      originalName: z.string(),
      /** Already linked to this 42001 requirement. */
      linked: z.boolean(),
    }),
  ),
});

export const reuseRequirementSchema = z.object({
  requirementId: z.string(),
  ref: z.string(),
  title: z.string(),
  /** The answer recorded in this assessment (not-assessed when none). */
  result: z.enum(results),
  inScope: z.boolean(),
  related: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      relation: z.enum(crosswalkRelations),
      confidence: z.enum(crosswalkConfidences),
      rationale: z.string(),
      /** The sheet's row for it; null when the sheet does not list it. */
      sheet: iso27001SheetRowSchema.nullable(),
    }),
  ),
  /** Never recorded by itself: the consultant confirms it (iso27001.confirmSuggestion) or not. */
  suggestion: z
    .object({
      result: z.enum(['conformant', 'partially-conformant', 'nonconformant']),
      why: z.string(),
      basis: z.array(z.string()),
    })
    .nullable(),
  evidence: z.array(evidenceOfferSchema),
});
export type ReuseRequirement = z.infer<typeof reuseRequirementSchema>;

export const iso27001ReuseSchema = z.object({
  assessmentId: idSchema,
  engagementId: idSchema,
  /** The newest import of the engagement; null before any. */
  source: iso27001ImportSummarySchema.nullable(),
  requirements: z.array(reuseRequirementSchema),
  counts: z.object({
    /** 42001 requirements whose related 27001 entries the sheet lists. */
    informed: z.number().int(),
    suggestions: z.number().int(),
    /** Suggestions that differ from the answer recorded. */
    differing: z.number().int(),
    evidenceOffers: z.number().int(),
  }),
});
export type Iso27001Reuse = z.infer<typeof iso27001ReuseSchema>;

export const iso27001Contracts = {
  'iso27001.importPreview': defineCommand({
    name: 'iso27001.importPreview',
    summary:
      'Read a client’s ISO/IEC 27001 SoA or assessment sheet: its columns, a proposed mapping, per-row problems and the first rows matched to the catalog.',
    input: z.strictObject({ ...sheetInput, mapping: mappingSchema.optional() }),
    output: iso27001PreviewSchema,
    mutates: false,
  }),
  'iso27001.importCommit': defineCommand({
    name: 'iso27001.importCommit',
    summary:
      'Keep a client’s ISO/IEC 27001 sheet for the engagement (every row, or nothing if any row has a problem). Earlier imports are kept; the newest is used.',
    input: z.strictObject({
      ...sheetInput,
      mapping: mappingSchema,
      plainNumbers: z.enum(plainNumberReadings),
    }),
    output: iso27001ImportSummarySchema,
    mutates: true,
  }),
  'iso27001.reuse': defineCommand({
    name: 'iso27001.reuse',
    summary:
      'Per 42001 requirement of an assessment: what the client’s 27001 sheet says about the related clauses and controls, the answer it suggests, and evidence items it names.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: iso27001ReuseSchema,
    mutates: false,
  }),
  'iso27001.confirmSuggestion': defineCommand({
    name: 'iso27001.confirmSuggestion',
    summary:
      'Record the answer the 27001 sheet suggests for one requirement, as the consultant confirmed it (notes and other fields kept; a line saying where it came from is added).',
    input: z.strictObject({
      assessmentId: idSchema,
      requirementId: z.string().min(1).max(200),
      /** The result the consultant saw; refused if the suggestion has changed since. */
      result: z.enum(['conformant', 'partially-conformant', 'nonconformant']),
    }),
    output: responseSchema,
    mutates: true,
  }),
};
