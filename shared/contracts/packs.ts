import { z } from 'zod';
import { idSchema } from './common';
import { incomingTokenSchema } from './incoming';
import { defineCommand } from './define';
import { passphraseSchema } from './identities';

/** The readiness pack's fixed places; the manifest lists every file but itself and its signature. */
export const PACK_FORMAT = 'assay-pack';
export const PACK_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const MANIFEST_SIGNATURE_PATH = 'manifest.json.p7s';
export const REPORT_PATH = 'report/gap-assessment-report.pdf';
export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_PACK_CHUNK = 4 * 1024 * 1024;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');

export const manifestFileSchema = z.strictObject({
  path: z.string().min(1).max(1000),
  sha256,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const packSignerSchema = z.strictObject({
  name: z.string().max(1000),
  email: z.string().max(1000),
  fingerprint: z.string().max(200),
});

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  /** The framework the assessment follows (its catalog id, e.g. iso-iec-42001-2023). */
  assaySpec: z.string().max(200),
  assessmentId: idSchema,
  engagement: z.strictObject({ client: z.string().max(1000) }),
  createdAt: z.string().max(100),
  assayVersion: z.string().max(100),
  omitConfidential: z.boolean(),
  signer: packSignerSchema,
  files: z.array(manifestFileSchema).max(20_000),
});
export type PackManifest = z.infer<typeof manifestSchema>;

export const packCheckSchema = z.object({
  valid: z.boolean(),
  problems: z.array(z.string()),
  signer: z
    .object({
      name: z.string(),
      email: z.string(),
      organisation: z.string(),
      fingerprint: z.string(),
    })
    .nullable(),
  signedAt: z.string().nullable(),
  assessmentId: z.string().nullable(),
  files: z.number().int(),
  checkedAt: z.string(),
});
export type PackCheck = z.infer<typeof packCheckSchema>;

export const importedPackSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  client: z.string(),
  createdAt: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  sourceName: z.string(),
  signer: packSignerSchema,
  files: z.number().int(),
  bytes: z.number().int(),
  valid: z.boolean(),
});
export type ImportedPack = z.infer<typeof importedPackSchema>;

/** An imported pack's folder name: <assessmentId>-<YYYY-MM-DD>[-n]. */
export const packIdSchema = z
  .string()
  .regex(/^[0-9a-f-]{36}-\d{4}-\d{2}-\d{2}(-\d{1,4})?$/, 'must be an imported pack id');

const taskId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _')
  .optional();

const chunk = {
  offset: z.number().int().min(0),
  length: z.number().int().min(1).max(MAX_PACK_CHUNK),
};
const chunkOutput = z.object({
  base64: z.string(),
  offset: z.number().int(),
  size: z.number().int(),
});

export const packContracts = {
  'packs.export': defineCommand({
    name: 'packs.export',
    summary: 'Build a signed certification-readiness pack (.zip) of an assessment under exports/.',
    input: z.strictObject({
      assessmentId: idSchema,
      identityId: z.string().trim().min(1, 'is required').max(200),
      passphrase: passphraseSchema,
      omitConfidential: z.boolean().default(false),
      taskId,
    }),
    output: z.object({
      fileName: z.string(),
      bytes: z.number().int(),
      files: z.number().int(),
      sha256: z.string(),
    }),
    mutates: false,
  }),
  'packs.readChunk': defineCommand({
    name: 'packs.readChunk',
    summary: 'A slice of an exported pack under exports/, base64, so browser mode can download it.',
    input: z.strictObject({
      fileName: z
        .string()
        .max(255)
        .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*\.zip$/u, 'must be the name of an exported pack'),
      ...chunk,
    }),
    output: chunkOutput,
    mutates: false,
  }),
  'packs.importIncoming': defineCommand({
    name: 'packs.importIncoming',
    summary:
      'Check a readiness pack handed over with incoming.* and keep it read-only in this data directory.',
    input: z.strictObject({
      token: incomingTokenSchema,
      /** Import even when the signer is not trusted here (the person saw the verdict first). */
      acceptUntrusted: z.boolean().default(false),
    }),
    output: importedPackSchema,
    mutates: true,
  }),
  'packs.list': defineCommand({
    name: 'packs.list',
    summary: 'Readiness packs imported into this data directory, newest first.',
    input: z.strictObject({}),
    output: z.array(importedPackSchema),
    mutates: false,
  }),
  'packs.get': defineCommand({
    name: 'packs.get',
    summary: 'One imported pack: its manifest, signer and files; recheck re-verifies every byte.',
    input: z.strictObject({ id: packIdSchema, recheck: z.boolean().default(false) }),
    output: z.object({
      pack: importedPackSchema,
      manifest: manifestSchema,
      check: packCheckSchema,
    }),
    mutates: false,
  }),
  'packs.readFile': defineCommand({
    name: 'packs.readFile',
    summary: 'A slice of one file of an imported pack (a path its manifest lists), base64.',
    input: z.strictObject({ id: packIdSchema, path: z.string().min(1).max(1000), ...chunk }),
    output: chunkOutput,
    mutates: false,
  }),
};
