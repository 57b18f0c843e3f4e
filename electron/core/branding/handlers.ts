import path from 'node:path';
import type { DomainHandlers } from '../handler';
import { prepareLogo } from './logo';
import { clearLogo, getBranding, saveBranding, setLogo } from './store';

export const brandingHandlers: DomainHandlers<'branding'> = {
  'branding.get': (ctx) => getBranding(ctx),
  'branding.save': (ctx, input) => saveBranding(ctx, input),
  'branding.setLogo': (ctx, input) => {
    // Checked and redrawn before the transaction: a refused file writes nothing.
    const logo = prepareLogo(
      input.fileName,
      Buffer.from(input.fileBase64, 'base64'),
      path.join(ctx.resourcesDir, 'fonts'),
    );
    return setLogo(ctx, logo);
  },
  'branding.clearLogo': (ctx) => {
    clearLogo(ctx);
    return { ok: true };
  },
};
