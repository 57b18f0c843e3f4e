/**
 * The store tells the truth: a missing or empty assay.db beside the user's data is refused, never
 * replaced by an empty store; damage later in the file is found at start and the store is then
 * opened read-only (every mutating command refused) instead of taking new writes; the backups
 * folder exists before a message names it; the data directory and the database are private.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../electron/core/db';
import { startTestCore, tempDir } from '../helpers/core';
import { damagedStore, dbFile } from '../helpers/damaged-store';

async function refusal(dataDir: string): Promise<StoreError> {
  const error = await startTestCore(dataDir).then(
    (core) => {
      core.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('a missing or empty assay.db beside existing data', () => {
  it('an empty assay.db beside a vault with evidence is refused, naming what is there', async () => {
    const dataDir = tempDir();
    const objects = path.join(dataDir, 'vault', 'objects', 'ab');
    fs.mkdirSync(objects, { recursive: true });
    fs.writeFileSync(path.join(objects, 'ab'.repeat(32)), 'evidence');
    fs.writeFileSync(dbFile(dataDir), '');
    const error = await refusal(dataDir);
    expect(error.message).toMatch(/assay\.db is empty/);
    expect(error.message).toMatch(/1 evidence file/);
    expect(error.message).toContain(path.join(dataDir, 'backups'));
    expect(fs.statSync(dbFile(dataDir)).size).toBe(0);
  });

  it('a missing assay.db beside signing identities is refused', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'identities'));
    fs.writeFileSync(
      path.join(dataDir, 'identities', `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.p12`),
      'x',
    );
    const error = await refusal(dataDir);
    expect(error.message).toMatch(/assay\.db is missing/);
    expect(error.message).toMatch(/1 signing identity/);
    expect(fs.existsSync(dbFile(dataDir))).toBe(false);
  });

  it('a missing assay.db beside backups names the newest backup to restore', async () => {
    const dataDir = tempDir();
    const backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, 'assay-2026-11-01.db'), 'old');
    fs.writeFileSync(path.join(backups, 'assay-2026-11-30.db'), 'new');
    fs.utimesSync(
      path.join(backups, 'assay-2026-11-01.db'),
      new Date(2026, 10, 1),
      new Date(2026, 10, 1),
    );
    const error = await refusal(dataDir);
    expect(error.message).toContain(path.join(backups, 'assay-2026-11-30.db'));
    expect(fs.existsSync(dbFile(dataDir))).toBe(false);
  });

  it('a brand-new data directory still starts with a fresh store', async () => {
    const core = await startTestCore(path.join(tempDir(), 'new'));
    core.close();
  });
});

describe('damage found at start', () => {
  it('opens read-only, says so with the backups folder, and refuses every change', async () => {
    const { dataDir, before } = await damagedStore();
    const core = await startTestCore(dataDir);
    try {
      const info = await core.dispatcher.dispatch('app.info', {});
      expect(info.ok).toBe(true);
      const store = (info.ok ? info.value : null) as {
        store: { readOnly: boolean; reason: string; backupsDir: string };
      };
      expect(store.store.readOnly).toBe(true);
      expect(store.store.backupsDir).toBe(path.join(dataDir, 'backups'));
      expect(fs.existsSync(store.store.backupsDir)).toBe(true);
      const change = await core.dispatcher.dispatch('engagements.create', {
        clientName: 'Written into a damaged file',
        aimsScope: 'x',
        aiRoles: [],
        sites: [],
      });
      expect(change.ok).toBe(false);
      expect(!change.ok && change.error.code).toBe('READ_ONLY');
      expect(!change.ok && change.error.message).toContain(path.join(dataDir, 'backups'));
      const read = await core.dispatcher.dispatch('engagements.list', {});
      expect(read.ok).toBe(true);
    } finally {
      core.close();
    }
    expect(fs.readFileSync(dbFile(dataDir)).equals(before)).toBe(true);
  });

  it('the full integrity check reports the damage on request', async () => {
    const { dataDir } = await damagedStore();
    const core = await startTestCore(dataDir);
    try {
      const checked = await core.dispatcher.dispatch('app.storeCheck', {});
      expect(checked.ok).toBe(true);
      const report = (checked.ok ? checked.value : null) as { ok: boolean; problems: string[] };
      expect(report.ok).toBe(false);
      expect(report.problems.length).toBeGreaterThan(0);
    } finally {
      core.close();
    }
  });

  it('a healthy store passes the integrity check and is writable', async () => {
    const core = await startTestCore();
    try {
      const checked = await core.dispatcher.dispatch('app.storeCheck', {});
      expect(checked.ok && checked.value).toMatchObject({ ok: true, problems: [] });
      const info = await core.dispatcher.dispatch('app.info', {});
      expect(info.ok && (info.value as { store: { readOnly: boolean } }).store.readOnly).toBe(
        false,
      );
    } finally {
      core.close();
    }
  });
});

describe('permissions', () => {
  it.skipIf(process.platform === 'win32')(
    'keeps the data directory 0700 and the database 0600',
    async () => {
      const dataDir = tempDir();
      fs.chmodSync(dataDir, 0o755);
      fs.writeFileSync(dbFile(dataDir), '');
      fs.chmodSync(dbFile(dataDir), 0o644);
      const core = await startTestCore(dataDir);
      core.close();
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(dbFile(dataDir)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, 'backups')).mode & 0o777).toBe(0o700);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'a new database is never world-readable, even for a moment',
    async () => {
      const dataDir = tempDir();
      const core = await startTestCore(dataDir);
      try {
        for (const name of ['assay.db', 'assay.db-wal']) {
          const file = path.join(dataDir, name);
          if (fs.existsSync(file)) expect(fs.statSync(file).mode & 0o077).toBe(0);
        }
      } finally {
        core.close();
      }
    },
  );
});
