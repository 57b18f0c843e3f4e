import { z } from 'zod';
import { defineCommand } from './define';

export const appInfoSchema = z.object({
  name: z.literal('Assay'),
  version: z.string(),
  dataDir: z.string(),
  transport: z.enum(['ipc', 'http']),
  actor: z.string(),
  /** A damaged store is opened read-only; the renderer shows a banner with where backups are. */
  store: z.object({
    readOnly: z.boolean(),
    reason: z.string().nullable(),
    backupsDir: z.string(),
    latestBackup: z.string().nullable(),
  }),
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
  'app.storeCheck': defineCommand({
    name: 'app.storeCheck',
    summary: "Runs SQLite's full integrity check over the store and lists what it finds.",
    input: z.strictObject({}),
    output: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
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
