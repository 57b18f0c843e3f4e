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
      }),
    output: reportExportSchema,
    mutates: false,
  }),
};
