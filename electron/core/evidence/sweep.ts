import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { unusedBlobs } from './check';
import { ensureVault, objectPath, vaultDirs } from './vault-paths';

/**
 * At start, before any import can run: whatever is in vault/tmp is a copy a crash or a kill
 * interrupted. It was never renamed into place and no row names it, so it goes. Stored objects
 * no record uses any more (their engagement was deleted, which cascades to its records) go too,
 * in the audit trail like any deletion.
 */
export function sweepVaultTemp(ctx: CoreContext): {
  removed: number;
  released: number;
  problem?: string;
} {
  let removed = 0;
  try {
    ensureVault(ctx.dataDir);
    const tmp = vaultDirs(ctx.dataDir).tmp;
    for (const name of fs.readdirSync(tmp)) {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
      removed += 1;
    }
    return { removed, released: releaseUnusedObjects(ctx) };
  } catch (error) {
    // Housekeeping must not keep Assay from starting; the check reports what is left over.
    return { removed, released: 0, problem: (error as Error).message };
  }
}

/** Deletes blob rows no record names (with audit), then their files. Returns how many. */
export function releaseUnusedObjects(ctx: CoreContext): number {
  const { evidenceBlobs: blobs } = schema;
  const released = unusedBlobs(ctx).filter((b) => !ctx.tasks.isHeld(b.sha256));
  if (released.length === 0) return 0;
  const now = ctx.now();
  inTransaction(ctx, () => {
    for (const b of released) {
      ctx.store.db.delete(blobs).where(eq(blobs.sha256, b.sha256)).run();
      audit(ctx, now, {
        action: 'evidence.object.remove',
        entityType: 'evidence_object',
        entityId: b.sha256,
        before: { sha256: b.sha256, size: b.size, reason: 'no record refers to it' },
      });
    }
  });
  for (const b of released) fs.rmSync(objectPath(ctx.dataDir, b.sha256), { force: true });
  return released.length;
}
