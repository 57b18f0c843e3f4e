import { z } from 'zod';
import { idSchema } from './common';
import { defineCommand } from './define';
import { reportExportSchema, reportFormats } from './reports';

/** How a signed record is asked for: PDF signed (or a draft), or an editable Word edition. */
const signing = {
  format: z.enum(reportFormats).default('pdf'),
  draft: z.boolean().default(false),
  identityId: z.string().trim().min(1).max(200).optional(),
  passphrase: z.string().max(1_000, 'must be at most 1000 characters').optional(),
  taskId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _')
    .optional(),
};
const signed = (v: { draft: boolean; identityId?: string; passphrase?: string }) =>
  v.draft || Boolean(v.identityId && v.passphrase);
const signedMessage = {
  message: 'a signed record needs a signing identity and its passphrase (or choose draft)',
  path: ['identityId'],
};

export const recordReportContracts = {
  'reports.auditReport': defineCommand({
    name: 'reports.auditReport',
    summary:
      'The internal audit report of one audit — scope, criteria, auditors and their independence, the checklist results, its nonconformities and their actions, the conclusion — as a signed PDF (or draft) or an editable Word file, saved under exports/.',
    input: z.strictObject({ auditId: idSchema, ...signing }).refine(signed, signedMessage),
    output: reportExportSchema,
    mutates: false,
  }),
  'reports.reviewMinutes': defineCommand({
    name: 'reports.reviewMinutes',
    summary:
      'The minutes of a management review — the meeting, the inputs it reviewed (frozen when held), what the organisation brought, its decisions and actions — as a signed PDF (or draft) or an editable Word file, saved under exports/.',
    input: z.strictObject({ reviewId: idSchema, ...signing }).refine(signed, signedMessage),
    output: reportExportSchema,
    mutates: false,
  }),
};
