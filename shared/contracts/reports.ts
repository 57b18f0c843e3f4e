import { z } from 'zod';
import { idSchema } from './common';
import { defineCommand } from './define';

export const reportKinds = ['full', 'soa', 'risks'] as const;
export type ReportKindName = (typeof reportKinds)[number];
export const reportKindLabels: Record<ReportKindName, string> = {
  full: 'Gap assessment report',
  soa: 'Statement of Applicability',
  risks: 'AI risk register',
};

export const reportFormats = ['pdf', 'docx'] as const;
export type ReportFormatName = (typeof reportFormats)[number];
export const reportFormatLabels: Record<ReportFormatName, string> = {
  pdf: 'PDF (signed or draft)',
  docx: 'Word (editable)',
};

/** The sections a report can hold, with their titles, in the full report's order. */
export const reportSectionTitles = {
  summary: 'Executive summary',
  readiness: 'Certification readiness',
  method: 'Scope and method',
  clauses: 'Results by clause',
  annex: 'Results by Annex A area',
  findings: 'Findings',
  actions: 'Corrective actions',
  comparison: 'Since the previous assessment',
  soa: 'Statement of Applicability',
  documents: 'Documented information',
  systems: 'AI systems',
  risks: 'AI risk register',
  impact: 'Impact assessments',
  consistency: 'Consistency checks',
  euaiact: 'EU AI Act',
  nist: 'NIST AI RMF coverage',
  evidence: 'Evidence index',
  signoff: 'Sign-off',
} as const;
export type ReportSectionId = keyof typeof reportSectionTitles;
export const reportSectionIds = Object.keys(reportSectionTitles) as [
  ReportSectionId,
  ...ReportSectionId[],
];
/** The sign-off carries the signature block, so it always closes a report and no template drops it. */
export const chosenSectionIds = reportSectionIds.filter((id) => id !== 'signoff');

export const templateNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(80, 'must be at most 80 characters')
  .regex(/^[^/\\\p{Cc}]+$/u, 'must not hold control characters or slashes');

export const reportTemplateSchema = z.object({
  name: z.string(),
  /** In print order; the sign-off follows them. */
  sections: z.array(z.enum(reportSectionIds)),
});
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

export const reportExportSchema = z.object({
  fileName: z.string(),
  format: z.enum(reportFormats),
  /** The PDF's page count; null for a Word file, which Word paginates itself. */
  pages: z.number().int().nullable(),
  bytes: z.number().int(),
  /** Carries a digital signature (PDF only; a Word file names its signer but is editable). */
  signed: z.boolean(),
  sha256: z.string(),
  /** The file itself, so browser mode can offer it as a download. */
  base64: z.string(),
});
export type ReportExport = z.infer<typeof reportExportSchema>;

export const reportContracts = {
  'reports.export': defineCommand({
    name: 'reports.export',
    summary:
      'Render a report off the main thread as PDF (signed unless it is a draft) or as an editable Word document, and save it under exports/.',
    input: z
      .strictObject({
        assessmentId: idSchema,
        kind: z.enum(reportKinds).default('full'),
        format: z.enum(reportFormats).default('pdf'),
        /** A saved template's name: its sections, in its order, instead of the full report's. */
        template: templateNameSchema.optional(),
        draft: z.boolean().default(false),
        identityId: z.string().trim().min(1).max(200).optional(),
        passphrase: z.string().max(1_000, 'must be at most 1000 characters').optional(),
        omitConfidential: z.boolean().default(false),
        taskId: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _')
          .optional(),
      })
      .refine((v) => v.draft || (v.identityId && v.passphrase), {
        message: 'a signed export needs a signing identity and its passphrase (or choose draft)',
        path: ['identityId'],
      })
      .refine((v) => v.template === undefined || v.kind === 'full', {
        message: 'a template picks sections of the full report (kind full)',
        path: ['template'],
      }),
    output: reportExportSchema,
    mutates: false,
  }),
  'reports.templates': defineCommand({
    name: 'reports.templates',
    summary: 'The saved report templates (named choices of sections and their order).',
    input: z.strictObject({}),
    output: z.array(reportTemplateSchema),
    mutates: false,
  }),
  'reports.saveTemplate': defineCommand({
    name: 'reports.saveTemplate',
    summary: 'Save a report template under its name (replacing one of the same name).',
    input: z.strictObject({
      name: templateNameSchema,
      sections: z
        .array(z.enum(chosenSectionIds as [ReportSectionId, ...ReportSectionId[]]))
        .min(1, 'must hold at least one section')
        .refine((ids) => new Set(ids).size === ids.length, 'must name each section once'),
    }),
    output: reportTemplateSchema,
    mutates: true,
  }),
  'reports.deleteTemplate': defineCommand({
    name: 'reports.deleteTemplate',
    summary: 'Delete a saved report template.',
    input: z.strictObject({ name: templateNameSchema }),
    output: z.object({ ok: z.literal(true) }),
    mutates: true,
  }),
};
