import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { appendAudit } from '../audit';
import { writeFileAtomic } from '../files';
import { ownCounter } from './capture';
import { syncDb } from './changeset';

/**
 * Two stores with one replica id would number different changes alike, and an id that is known
 * is skipped: work would be lost without a word. A store gets the same id twice when a backup is
 * restored (changes made after the backup may already be at a colleague's) or a data directory is
 * copied. The store cannot tell by itself, so the directory keeps, beside it, which replica it
 * holds, where it is, and the highest counter of its own it has let out (written at every open
 * and every export). A store that does not match is given a fresh id before anything is written.
 * Renewing is always safe: the old id's changes stay in the log under that id, as any peer's.
 */
const markerSchema = z.object({
  replica: z.string().min(1),
  dataDir: z.string(),
  /** The highest counter of `replica` that may have left this directory. */
  issued: z.number().int().nonnegative(),
});

export const replicaMarkerFile = (dataDir: string) => path.join(dataDir, 'sync-replica.json');

function readMarker(dataDir: string): z.infer<typeof markerSchema> | null {
  try {
    const parsed = markerSchema.safeParse(
      JSON.parse(fs.readFileSync(replicaMarkerFile(dataDir), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    // No marker yet (a new directory, an earlier Assay): nothing to compare with.
    return null;
  }
}

const where = (dataDir: string) => fs.realpathSync(dataDir);

function storedReplica(sqlite: Database.Database): string | null {
  // A store on an older schema (a test of an earlier release's migrations) has no replica yet.
  const ready: unknown = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_replica'")
    .get();
  if (!ready) return null;
  const id: unknown = sqlite.prepare('SELECT id FROM sync_replica LIMIT 1').pluck().get();
  return typeof id === 'string' ? id : null;
}

/** Why this store's replica id may be in use elsewhere too, or null. */
function reuseReason(
  marker: z.infer<typeof markerSchema>,
  replica: string,
  dataDir: string,
  counter: number,
): string | null {
  if (marker.replica !== replica) return 'the store came from another data directory';
  if (marker.dataDir !== where(dataDir)) return 'the data directory was copied or moved';
  if (counter < marker.issued)
    return 'the store is older than changes this directory already sent (a restored backup)';
  return null;
}

export async function noteIssued(sqlite: Database.Database, dataDir: string): Promise<void> {
  const replica = storedReplica(sqlite);
  if (!replica) return;
  const marker = { replica, dataDir: where(dataDir), issued: ownCounter(sqlite, replica) };
  await writeFileAtomic(replicaMarkerFile(dataDir), JSON.stringify(marker));
}

/**
 * At open, before capture is installed: gives the store a fresh replica id when it may share its
 * id with another store (see above), recording why in the audit trail. Once capture is installed
 * (a new store gets its id there), noteIssued writes the marker for the next open.
 */
export async function checkReplica(
  sqlite: Database.Database,
  dataDir: string,
  now: string,
): Promise<{ from: string; to: string; reason: string } | null> {
  const replica = storedReplica(sqlite);
  if (!replica) return null;
  const marker = readMarker(dataDir);
  const reason = marker && reuseReason(marker, replica, dataDir, ownCounter(sqlite, replica));
  let renewed: { from: string; to: string; reason: string } | null = null;
  if (reason) {
    const to = uuidv7();
    sqlite
      .transaction(() => {
        sqlite.prepare('UPDATE sync_replica SET id = ?, created_at = ?').run(to, now);
        appendAudit(syncDb(sqlite), now, 'system', {
          action: 'sync.replica-renewed',
          entityType: 'data-directory',
          entityId: to,
          after: { from: replica, to, reason },
        });
      })
      .immediate();
    renewed = { from: replica, to, reason };
  }
  return renewed;
}
