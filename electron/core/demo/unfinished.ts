import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { audit, inTransaction, type CoreContext } from '../context';
import { fsyncDir, writeFileAtomic } from '../files';
import { objectPath } from '../evidence';

/**
 * A demo is written in several transactions (each client, its risk register, its evidence files),
 * so a killed `assay demo` would leave half a demo that the next run refuses. A marker file says
 * a run is under way; the next run finds it and takes the half demo out again — only when nobody
 * else has written anything since it started — then seeds from scratch.
 */
const MARKER = 'demo-in-progress.json';
export const DEMO_ACTOR = 'Dana Okafor (demo)';

const markerSchema = z.object({
  startedAt: z.string(),
  /** The last audit row before the run: everything after it was written by the demo. */
  auditRowid: z.number().int(),
});

const markerPath = (ctx: CoreContext) => path.join(ctx.dataDir, MARKER);

function lastAuditRowid(ctx: CoreContext): number {
  const row = ctx.store.sqlite.prepare('SELECT max(rowid) AS n FROM audit_log').get() as {
    n: number | null;
  };
  return row.n ?? 0;
}

/** Marks the start of a demo run (durably, before its first write); answers how to unmark it. */
export async function markDemoStarted(ctx: CoreContext): Promise<() => Promise<void>> {
  const marker = { startedAt: new Date().toISOString(), auditRowid: lastAuditRowid(ctx) };
  await writeFileAtomic(markerPath(ctx), `${JSON.stringify(marker)}\n`);
  return async () => {
    await fs.promises.rm(markerPath(ctx), { force: true });
    await fsyncDir(ctx.dataDir);
  };
}

class UnfinishedDemoKept extends Error {
  override name = 'UsageError';
}

/**
 * If an earlier demo run was killed here, deletes what it wrote (its engagements, and with them
 * everything recorded under them; its stored evidence files) in one audited transaction and
 * answers true. Refuses, keeping everything, when anyone but the demo wrote since it started.
 */
export async function rollBackUnfinishedDemo(ctx: CoreContext): Promise<boolean> {
  const file = markerPath(ctx);
  if (!fs.existsSync(file)) return false;
  const marker = markerSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const db = ctx.store.sqlite;
  const others = db
    .prepare('SELECT count(*) AS n FROM audit_log WHERE rowid > ? AND actor != ?')
    .get(marker.auditRowid, DEMO_ACTOR) as { n: number };
  if (others.n > 0)
    throw new UnfinishedDemoKept(
      `A demo run started here at ${marker.startedAt} did not finish, and ${others.n} change(s) were made since by someone else, so it is left as it is. Use an empty data directory (--data-dir) for the demo.`,
    );
  const removed = inTransaction(ctx, () => {
    const engagements = db.prepare('SELECT count(*) AS n FROM engagements').get() as { n: number };
    const blobs = db.prepare('SELECT sha256 FROM evidence_blobs').all() as { sha256: string }[];
    // The data directory held no engagement when the demo started (seedDemo checks): every
    // engagement is the demo's, and everything recorded under one goes with it (foreign keys).
    db.prepare('DELETE FROM engagements').run();
    db.prepare('DELETE FROM evidence_blobs').run();
    audit(ctx, ctx.now(), {
      action: 'demo.rollback',
      entityType: 'demo',
      entityId: marker.startedAt,
      before: { engagements: engagements.n, storedFiles: blobs.length },
    });
    return blobs.map((b) => b.sha256);
  });
  // After the commit: a crash in between leaves unreferenced files the check reports.
  for (const sha256 of removed)
    await fs.promises.rm(objectPath(ctx.dataDir, sha256), { force: true });
  await fs.promises.rm(file, { force: true });
  await fsyncDir(ctx.dataDir);
  return true;
}
