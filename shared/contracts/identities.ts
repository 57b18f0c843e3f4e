import { z } from 'zod';
import { idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';
import { incomingTokenSchema } from './incoming';
import { trustAssessmentSchema } from './trust';

/** Never trimmed (spaces may be part of it), never stored, never in a query string or log. */
export const passphraseSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(1024, 'must be at most 1024 characters');

/** Largest accepted .p12/.pfx: an organisation's certificate file is a few kilobytes. */
export const MAX_P12_BYTES = 1024 * 1024;

export const identitySchema = z.object({
  id: idSchema,
  name: z.string(),
  organisation: z.string(),
  email: z.string(),
  role: z.string(),
  /** SHA-256 of the certificate, upper-case hex pairs joined by ':'. */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyAlgorithm: z.string(),
  origin: z.enum(['created', 'imported']),
  createdAt: z.string(),
});
export type Identity = z.infer<typeof identitySchema>;

export const signatureCheckSchema = z.object({
  /** What was checked: a signed PDF or a readiness pack. */
  kind: z.enum(['pdf', 'pack']),
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
  coversWholeFile: z.boolean().optional(),
  unreadable: z.boolean().optional(),
  /** True things that are not failures: the signing time is only claimed by the signer … */
  notes: z.array(z.string()),
  /** Trusted, intact but untrusted, altered or unreadable — against this data directory. */
  trust: trustAssessmentSchema,
});
export type SignatureCheckResult = z.infer<typeof signatureCheckSchema>;

/** The keys Assay creates: RSA-3072 (read by every PDF reader) and ECDSA P-256 (small and fast). */
export const signingKeyTypes = ['rsa-3072', 'ec-p256'] as const;
export type SigningKeyType = (typeof signingKeyTypes)[number];
export const signingKeyTypeLabels: Record<SigningKeyType, string> = {
  'rsa-3072': 'RSA-3072 (read by every PDF reader)',
  'ec-p256': 'ECDSA P-256 (smaller and faster; needs a recent PDF reader)',
};

export const identityCreateSchema = z.strictObject({
  name: requiredText(200),
  organisation: textField(200).default(''),
  email: requiredText(320).regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address'),
  role: textField(200).default(''),
  passphrase: passphraseSchema,
  keyType: z.enum(signingKeyTypes).default('rsa-3072'),
});
export type IdentityCreateInput = z.input<typeof identityCreateSchema>;

export const identityImportSchema = z.strictObject({
  /** The .p12/.pfx sent with incoming.* (taken once). */
  token: incomingTokenSchema,
  passphrase: passphraseSchema,
  role: textField(200).default(''),
  /** Defaults to the certificate's common name. */
  name: requiredText(200).optional(),
});
export type IdentityImportInput = z.input<typeof identityImportSchema>;

export const identityContracts = {
  'identities.list': defineCommand({
    name: 'identities.list',
    summary: 'All signing identities, by name, with their certificate fingerprints.',
    input: z.strictObject({}),
    output: z.array(identitySchema),
    mutates: false,
  }),
  'identities.create': defineCommand({
    name: 'identities.create',
    summary: 'Create a signing identity: an RSA-3072 key and a self-signed certificate.',
    input: identityCreateSchema,
    output: identitySchema,
    mutates: true,
  }),
  'identities.import': defineCommand({
    name: 'identities.import',
    summary: 'Import an organisation-issued .p12/.pfx sent with incoming.* (at most 1 MB).',
    input: identityImportSchema,
    output: identitySchema,
    mutates: true,
  }),
  'identities.delete': defineCommand({
    name: 'identities.delete',
    summary: 'Delete a signing identity and its key file.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
  'verify.incoming': defineCommand({
    name: 'verify.incoming',
    summary:
      'Check the signature of a PDF report or readiness pack handed over with incoming.*: who signed, when, intact.',
    input: z.strictObject({ token: incomingTokenSchema, fileName: requiredText(255) }),
    output: signatureCheckSchema,
    mutates: false,
  }),
};
