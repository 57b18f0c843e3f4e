import { z } from 'zod';
import { contrastRatio } from '../ui/palette';
import { emptyInput, okOutput, textField } from './common';
import { defineCommand } from './define';

/** Largest logo file accepted (PNG or SVG), and its base64 text length. */
export const MAX_LOGO_BYTES = 512 * 1024;
const MAX_LOGO_BASE64 = Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4;
/** Reports print the accent as headings on white and behind white table-header text. */
export const MIN_ACCENT_CONTRAST = 4.5;

export const accentProblem = (hex: string): string | null => {
  // A malformed value is the format check's to report.
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return null;
  const ratio = contrastRatio(hex, '#ffffff');
  return ratio >= MIN_ACCENT_CONTRAST
    ? null
    : `reads at ${ratio.toFixed(1)}:1 against white; reports need at least ${MIN_ACCENT_CONTRAST}:1 — choose a darker colour`;
};

const accentColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb')
  .superRefine((v, issue) => {
    const problem = accentProblem(v);
    if (problem) issue.addIssue({ code: 'custom', message: problem });
  });

export const brandingFieldsSchema = z.strictObject({
  consultancyName: textField(200).default(''),
  accentColour: accentColour.nullable().default(null),
  coverText: textField(2_000).default(''),
  disclaimer: textField(4_000).default(''),
});

export const brandingLogoSchema = z.object({
  /** Always PNG: an SVG is rasterised when it is set, so no SVG ever reaches a report. */
  pngBase64: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  source: z.enum(['png', 'svg']),
});

export const brandingSchema = z.object({
  consultancyName: z.string(),
  accentColour: z.string().nullable(),
  coverText: z.string(),
  disclaimer: z.string(),
  logo: brandingLogoSchema.nullable(),
});
export type Branding = z.infer<typeof brandingSchema>;

export const brandingContracts = {
  'branding.get': defineCommand({
    name: 'branding.get',
    summary:
      'The consultancy branding reports carry: name, logo, accent colour, cover text, disclaimer.',
    input: emptyInput,
    output: brandingSchema,
    mutates: false,
  }),
  'branding.save': defineCommand({
    name: 'branding.save',
    summary: 'Save the branding text and accent colour (checked for contrast against white).',
    input: brandingFieldsSchema,
    output: brandingSchema,
    mutates: true,
  }),
  'branding.setLogo': defineCommand({
    name: 'branding.setLogo',
    summary: `Set the logo from a PNG or SVG file (at most ${MAX_LOGO_BYTES / 1024} KB); an SVG is checked and rasterised.`,
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(255),
      fileBase64: z
        .string()
        .min(1, 'is required')
        .max(MAX_LOGO_BASE64, `must be at most ${MAX_LOGO_BYTES / 1024} KB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    }),
    output: brandingSchema,
    mutates: true,
  }),
  'branding.clearLogo': defineCommand({
    name: 'branding.clearLogo',
    summary: 'Remove the logo from the branding.',
    input: emptyInput,
    output: okOutput,
    mutates: true,
  }),
};
