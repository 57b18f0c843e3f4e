import { z } from 'zod';
import { idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

/** A SHA-256 certificate fingerprint in our one written form: 32 upper-case hex pairs and ':'. */
export const FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/**
 * A fingerprint as people paste it (colons or spaces or nothing, lower case, an
 * "SHA256 Fingerprint=" prefix as openssl prints it), in our one form; null when not 32 bytes.
 */
export function normaliseFingerprint(text: string): string | null {
  const hex = text
    .replace(/^\s*sha-?256\s*(fingerprint)?\s*[=:]?\s*/i, '')
    .replace(/[\s:]/g, '')
    .toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? (hex.match(/../g)?.join(':') ?? null) : null;
}

const fingerprintInput = z
  .string()
  .max(300)
  .transform((text, ctx) => {
    const fingerprint = normaliseFingerprint(text);
    if (!fingerprint) {
      ctx.addIssue({ code: 'custom', message: 'must be a SHA-256 fingerprint (64 hex digits)' });
      return z.NEVER;
    }
    return fingerprint;
  });

export const trustedSignerSchema = z.object({
  id: idSchema,
  name: z.string(),
  note: z.string(),
  fingerprint: z.string(),
  source: z.enum(['certificate', 'fingerprint']),
  /** From the certificate when there is one; empty for a pinned fingerprint. */
  subject: z.string(),
  issuer: z.string(),
  isCa: z.boolean(),
  notAfter: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type TrustedSigner = z.infer<typeof trustedSignerSchema>;

/**
 * What a verification concludes, the same for PDFs and packs, in the app and the CLI:
 * trusted → exit 0, intact but the signer not trusted → 3, altered or invalid → 1, unreadable → 2.
 */
export const trustVerdicts = ['trusted', 'untrusted', 'altered', 'unreadable'] as const;
export type TrustVerdict = (typeof trustVerdicts)[number];
export const verdictExitCodes: Record<TrustVerdict, number> = {
  trusted: 0,
  untrusted: 3,
  altered: 1,
  unreadable: 2,
};

export const trustAssessmentSchema = z.object({
  verdict: z.enum(trustVerdicts),
  /** One sentence: why this verdict. */
  reason: z.string(),
  /** What made the signer trusted, when it is. */
  trustedBy: z
    .object({
      kind: z.enum(['identity', 'signer', 'authority', 'expected']),
      name: z.string(),
    })
    .nullable(),
  /** The signer's certificate issued itself (anyone can make one with any name). */
  selfSigned: z.boolean().nullable(),
  /** The issuer's common name (or organisation), when it is not self-signed. */
  issuer: z.string().nullable(),
  fingerprint: z.string().nullable(),
  /** Exactly how to trust this signer, when it is intact but not trusted. */
  howToTrust: z.array(z.string()),
});
export type TrustAssessment = z.infer<typeof trustAssessmentSchema>;

/** Largest accepted certificate file (.cer/.crt/.pem/.der): 64 KB, as base64 text length. */
export const MAX_CERTIFICATE_BASE64 = Math.ceil((64 * 1024 * 4) / 3) + 4;

export const trustAddCertificateSchema = z.strictObject({
  fileBase64: z
    .string()
    .min(1, 'is required')
    .max(MAX_CERTIFICATE_BASE64, 'must be at most 64 KB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  name: requiredText(200),
  note: textField(2000).default(''),
});
export type TrustAddCertificateInput = z.input<typeof trustAddCertificateSchema>;

export const trustPinSchema = z.strictObject({
  fingerprint: fingerprintInput,
  name: requiredText(200),
  note: textField(2000).default(''),
});
export type TrustPinInput = z.input<typeof trustPinSchema>;

export const trustContracts = {
  'trust.list': defineCommand({
    name: 'trust.list',
    summary: 'Signers this data directory trusts besides its own identities, by name.',
    input: z.strictObject({}),
    output: z.object({
      signers: z.array(trustedSignerSchema),
      /** This directory's own identities, trusted without a row of their own. */
      identities: z.array(z.object({ name: z.string(), fingerprint: z.string() })),
    }),
    mutates: false,
  }),
  'trust.addCertificate': defineCommand({
    name: 'trust.addCertificate',
    summary:
      'Trust a certificate file (.cer/.crt/.pem/.der): a colleague’s, or a CA whose certificates then count too.',
    input: trustAddCertificateSchema,
    output: trustedSignerSchema,
    mutates: true,
  }),
  'trust.pinFingerprint': defineCommand({
    name: 'trust.pinFingerprint',
    summary: 'Trust a certificate by its SHA-256 fingerprint, compared with its owner out of band.',
    input: trustPinSchema,
    output: trustedSignerSchema,
    mutates: true,
  }),
  'trust.remove': defineCommand({
    name: 'trust.remove',
    summary: 'Stop trusting a signer (what was verified before is not changed).',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
};
