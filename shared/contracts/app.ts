import { z } from 'zod';
import { defineCommand } from './define';

export const appInfoSchema = z.object({
  name: z.literal('Assay'),
  version: z.string(),
  dataDir: z.string(),
  transport: z.enum(['ipc', 'http']),
  actor: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContracts = {
  'app.info': defineCommand({
    name: 'app.info',
    summary: 'Version, data directory and who changes are recorded as.',
    input: z.strictObject({}),
    output: appInfoSchema,
    mutates: false,
  }),
  'app.auditVerify': defineCommand({
    name: 'app.auditVerify',
    summary: 'Re-computes the audit trail hash chain and reports the first broken row, if any.',
    input: z.strictObject({}),
    output: z.object({
      ok: z.boolean(),
      rows: z.number().int(),
      brokenAt: z.number().int().nullable(),
    }),
    mutates: false,
  }),
};
