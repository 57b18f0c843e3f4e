import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context';
import { CommandFailure } from '../errors';
import { getEvidenceItem } from './queries';
import { isExecutableName } from './media';
import { resolveObject } from './vault-paths';

/**
 * Opens a read-only copy of a stored object, never the object itself: an application that
 * saves in place must not alter the vault (that would show as "altered" in every later check).
 * Types a system would run rather than show need an explicit confirmation first.
 */
export async function openEvidenceExternally(
  ctx: CoreContext,
  input: { id: string; confirmed: boolean },
): Promise<{ opened: boolean; needsConfirmation: boolean; reason: string }> {
  const opener = ctx.platform.openPath;
  if (!opener) {
    throw new CommandFailure(
      'UNAVAILABLE',
      'Opening files with another application exists only in the desktop app. Export a copy instead.',
    );
  }
  const item = getEvidenceItem(ctx, input.id);
  if (isExecutableName(item.originalName) && !input.confirmed) {
    return {
      opened: false,
      needsConfirmation: true,
      reason: `“${item.originalName}” is a type your computer may run as a program rather than show. Open it only if you trust where it came from.`,
    };
  }
  const source = resolveObject(ctx.dataDir, item.sha256);
  const dir = path.join(ctx.dataDir, 'opened', item.sha256.slice(0, 16));
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(
    dir,
    path.basename(item.originalName).replace(/[\\/:*?"<>|]/g, '_') || 'evidence',
  );
  if (fs.existsSync(target)) fs.chmodSync(target, 0o600);
  fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o444);
  const failure = await opener(target);
  if (failure)
    throw new CommandFailure('UNAVAILABLE', `The system could not open the file: ${failure}`);
  return { opened: true, needsConfirmation: false, reason: '' };
}
