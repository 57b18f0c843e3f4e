/**
 * The branding lives in the settings table under one key, as JSON checked on every read. Every
 * change is one transaction with its audit row.
 */
import { z } from 'zod';
import { brandingLogoSchema, type Branding } from '../../../shared/contracts/branding';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { readSetting, writeSetting } from '../db';
import type { StoredLogo } from './logo';

const KEY = 'branding';

const storedSchema = z.object({
  consultancyName: z.string(),
  accentColour: z.string().nullable(),
  coverText: z.string(),
  disclaimer: z.string(),
  logo: brandingLogoSchema.nullable(),
});

export const noBranding: Branding = {
  consultancyName: '',
  accentColour: null,
  coverText: '',
  disclaimer: '',
  logo: null,
};

export function getBranding(ctx: CoreContext): Branding {
  return readSetting(ctx.store.db, KEY, storedSchema) ?? noBranding;
}

/** What the audit trail keeps of a change: the logo by size, never its bytes. */
const summary = (b: Branding) => ({
  ...b,
  logo: b.logo && { width: b.logo.width, height: b.logo.height, source: b.logo.source },
});

function write(ctx: CoreContext, action: string, change: (before: Branding) => Branding): Branding {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getBranding(ctx);
    const after = change(before);
    writeSetting(ctx.store.db, KEY, after, now);
    audit(ctx, now, {
      action,
      entityType: 'branding',
      entityId: KEY,
      before: summary(before),
      after: summary(after),
    });
    return after;
  });
}

export const saveBranding = (ctx: CoreContext, input: ParsedInput<'branding.save'>): Branding =>
  write(ctx, 'branding.save', (before) => ({
    ...before,
    ...input,
    accentColour: input.accentColour?.toLowerCase() ?? null,
  }));

export const setLogo = (ctx: CoreContext, logo: StoredLogo): Branding =>
  write(ctx, 'branding.setLogo', (before) => ({ ...before, logo }));

export const clearLogo = (ctx: CoreContext): Branding =>
  write(ctx, 'branding.clearLogo', (before) => ({ ...before, logo: null }));
