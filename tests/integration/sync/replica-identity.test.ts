import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createEngagement } from '../../../electron/core/engagements';
import { ExchangeRefused, exportExchange, importExchange } from '../../../electron/core/exchange';
import { replicaOf } from '../../../electron/core/sync';
import { replicaMarkerFile } from '../../../electron/core/sync/identity';
import { commandsOf, startTestCore, tempDir } from '../../helpers/core';
import { tableCounts } from '../../helpers/db';

type Core = Awaited<ReturnType<typeof startTestCore>>;
const PASS = 'correct horse battery';

function newEngagement(core: Core): string {
  return createEngagement(core.ctx, {
    clientName: 'Northwind',
    aimsScope: 'Scope',
    aiRoles: [],
    sites: [],
    leadAssessor: 'Lead',
    startDate: null,
    endDate: null,
    notes: '',
  }).id;
}

const addSystem = (core: Core, engagementId: string, name: string) =>
  commandsOf(core).ok<{ id: string }>('aiSystems.create', {
    engagementId,
    name,
    orgRole: 'provider',
    lifecycleStage: 'design',
  });

async function exported(core: Core, engagementId: string, name: string): Promise<string> {
  const out = path.join(tempDir('assay-replica-file-'), `${name}.assayx`);
  await exportExchange(core.ctx, { engagementId, out, passphrase: PASS, includeEvidence: false });
  return out;
}

/** Puts a copy of a closed store's file in place of the directory's store (a restored backup). */
function restore(backup: string, dataDir: string): void {
  for (const suffix of ['-wal', '-shm'])
    fs.rmSync(path.join(dataDir, `assay.db${suffix}`), { force: true });
  fs.copyFileSync(backup, path.join(dataDir, 'assay.db'));
}

const systemsOf = (core: Core, engagementId: string) =>
  core.store.sqlite
    .prepare('SELECT name FROM ai_systems WHERE engagement_id = ? ORDER BY name')
    .pluck()
    .all(engagementId);

describe('a store that may share its sync identity with another is given its own', () => {
  test('a restored backup older than what the directory already sent gets a fresh replica id; the sent work comes back whole', async () => {
    const dataDir = tempDir('assay-replica-');
    let core = await startTestCore(dataDir);
    const engagementId = newEngagement(core);
    await addSystem(core, engagementId, 'before the backup');
    const original = replicaOf(core.store.sqlite);
    core.close();
    const backup = path.join(tempDir('assay-replica-backup-'), 'assay.db');
    fs.copyFileSync(path.join(dataDir, 'assay.db'), backup);

    core = await startTestCore(dataDir);
    expect(replicaOf(core.store.sqlite)).toBe(original);
    await addSystem(core, engagementId, 'after the backup, sent to a colleague');
    const sent = await exported(core, engagementId, 'sent');
    core.close();

    restore(backup, dataDir);
    core = await startTestCore(dataDir);
    try {
      const renewed = replicaOf(core.store.sqlite);
      expect(renewed).not.toBe(original);
      const audit = core.store.sqlite
        .prepare("SELECT after_json FROM audit_log WHERE action = 'sync.replica-renewed'")
        .pluck()
        .all() as string[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!)).toMatchObject({ from: original, to: renewed });
      // New work is numbered under the new id: it cannot collide with what was sent before.
      await addSystem(core, engagementId, 'after the restore');
      const own = core.store.sqlite
        .prepare(
          "SELECT DISTINCT replica FROM sync_changes WHERE tbl = 'ai_systems' AND field = ''",
        )
        .pluck()
        .all();
      expect(own).toContain(renewed);
      // The colleague's copy of the lost work comes back as anyone's changes, with nothing lost.
      const back = await importExchange(core.ctx, sent, { passphrase: PASS });
      expect(back.conflicts).toEqual([]);
      expect(systemsOf(core, engagementId)).toEqual([
        'after the backup, sent to a colleague',
        'after the restore',
        'before the backup',
      ]);
    } finally {
      core.close();
    }
  }, 120_000);

  test('a copied data directory gets its own id; the original keeps its id', async () => {
    const dataDir = tempDir('assay-replica-');
    const core = await startTestCore(dataDir);
    const original = replicaOf(core.store.sqlite);
    core.close();
    const copy = path.join(tempDir('assay-replica-copy-'), 'data');
    fs.cpSync(dataDir, copy, { recursive: true });
    const copied = await startTestCore(copy);
    const again = await startTestCore(dataDir).catch((error: unknown) => {
      copied.close();
      throw error;
    });
    try {
      expect(replicaOf(again.store.sqlite)).toBe(original);
      expect(replicaOf(copied.store.sqlite)).not.toBe(original);
    } finally {
      copied.close();
      again.close();
    }
  }, 120_000);

  test('a file numbered with this directory’s own id that it never made is refused, nothing changed', async () => {
    const dataDir = tempDir('assay-replica-');
    const core = await startTestCore(dataDir);
    const engagementId = newEngagement(core);
    core.close();
    // A copy opened by an earlier Assay (no marker beside the store) keeps the same id.
    const copy = path.join(tempDir('assay-replica-copy-'), 'data');
    fs.cpSync(dataDir, copy, { recursive: true });
    fs.rmSync(replicaMarkerFile(copy));
    const twin = await startTestCore(copy);
    let file: string;
    try {
      await addSystem(twin, engagementId, 'made in the copy');
      file = await exported(twin, engagementId, 'twin');
    } finally {
      twin.close();
    }
    const again = await startTestCore(dataDir);
    try {
      const counts = tableCounts(again.store.sqlite);
      const refusal = importExchange(again.ctx, file, { passphrase: PASS });
      await expect(refusal).rejects.toBeInstanceOf(ExchangeRefused);
      await expect(refusal).rejects.toThrow(/copy of this directory/);
      expect(tableCounts(again.store.sqlite)).toEqual(counts);
    } finally {
      again.close();
    }
  }, 120_000);
});
