import { z } from 'zod';
import { idSchema } from './common';
import { defineCommand } from './define';

const taskId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _')
  .optional();
const passphrase = z
  .string()
  .min(8, 'must have at least 8 characters')
  .max(1_000, 'must be at most 1000 characters');
export const EXCHANGE_FILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]*\.assayx$/u;

const exchangeImportSummary = z.object({
  engagementId: z.string(),
  engagementIsNew: z.boolean(),
  dryRun: z.boolean(),
  changes: z.object({
    total: z.number().int(),
    alreadyKnown: z.number().int(),
    applied: z.number().int(),
    same: z.number().int(),
    kept: z.number().int(),
    conflict: z.number().int(),
  }),
  /** Conflicts of the engagement still open after the import. */
  openConflicts: z.number().int(),
  renumbered: z.array(z.object({ tbl: z.string(), from: z.string(), to: z.string() })),
  evidence: z.object({
    inFile: z.number().int(),
    newFiles: z.number().int(),
    alreadyHere: z.number().int(),
    notIncluded: z.number().int(),
  }),
  signer: z
    .object({ name: z.string(), fingerprint: z.string(), verdict: z.string(), reason: z.string() })
    .nullable(),
});
export type ExchangeImportSummary = z.infer<typeof exchangeImportSummary>;

export const exchangeContracts = {
  'exchange.export': defineCommand({
    name: 'exchange.export',
    summary: 'Write one engagement as an encrypted exchange file (.assayx) under exports/.',
    input: z.strictObject({
      engagementId: idSchema,
      passphrase,
      includeEvidence: z.boolean().default(true),
      taskId,
    }),
    output: z.object({
      fileName: z.string(),
      bytes: z.number(),
      changes: z.number().int(),
      evidenceFiles: z.number().int(),
    }),
    mutates: true,
  }),
  'exchange.readChunk': defineCommand({
    name: 'exchange.readChunk',
    summary: 'A slice of an exchange file under exports/, base64, so browser mode can download it.',
    input: z.strictObject({
      fileName: z
        .string()
        .max(255)
        .regex(EXCHANGE_FILE_NAME, 'must be the name of an exchange file'),
      offset: z.number().int().min(0),
      length: z
        .number()
        .int()
        .min(1)
        .max(4 * 1024 * 1024),
    }),
    output: z.object({ base64: z.string(), offset: z.number().int(), size: z.number().int() }),
    mutates: false,
  }),
  'exchange.import': defineCommand({
    name: 'exchange.import',
    summary:
      'Check an exchange file sent through incoming.* and import or merge it (or only check it).',
    input: z.strictObject({
      token: z.string().uuid(),
      passphrase: z.string().min(1).max(1_000),
      dryRun: z.boolean().default(false),
      acceptSigner: z.boolean().default(false),
      taskId,
    }),
    output: exchangeImportSummary,
    mutates: true,
  }),
  'exchange.cancel': defineCommand({
    name: 'exchange.cancel',
    summary: 'Stop a running export or import; nothing of it is kept.',
    input: z.strictObject({ taskId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
    output: z.object({ cancelled: z.boolean() }),
    mutates: false,
  }),
};
