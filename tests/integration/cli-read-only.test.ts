/**
 * A store opened read-only (damage found at start) is refused by the CLI's writing commands
 * before any work: no key generated, no key file written, and the database file untouched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/core';
import { damagedStore, dbFile } from '../helpers/damaged-store';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const built = fs.existsSync(path.join(projectRoot, 'out', 'main', 'cli.js'));

function assay(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ASSAY_PASSPHRASE: 'correct horse battery' },
    input: '',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file and folder below `dir`, leaving out the log and SQLite's companions of an open file. */
const listing = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => !f.startsWith('logs') && !/^assay\.db-(wal|shm)$/.test(f))
        .sort()
    : [];

describe.skipIf(!built)('CLI writing commands on a damaged store opened read-only', () => {
  let dataDir: string;
  let before: Buffer;
  let filesBefore: string[];
  let assessmentId: string;
  beforeAll(async () => {
    ({ dataDir, before } = await damagedStore());
    filesBefore = listing(dataDir);
    // The assessments table is sound (only the responses page is damaged): read an id from a copy.
    const copy = path.join(tempDir(), 'copy.db');
    fs.copyFileSync(dbFile(dataDir), copy);
    const db = new Database(copy, { readonly: true });
    assessmentId = (db.prepare('SELECT id FROM assessments LIMIT 1').get() as { id: string }).id;
    db.close();
  }, 60_000);

  it('refuses identity create with exit 1 and a read-only message, writing no key', () => {
    const out = assay([
      'identity',
      'create',
      '--data-dir',
      dataDir,
      '--name',
      'Late Signer',
      '--email',
      'late@example.org',
    ]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/read-only/i);
    expect(listing(dataDir)).toEqual(filesBefore);
  });

  it('refuses identity import the same way, leaving the offered file where it was', () => {
    const offered = path.join(tempDir(), 'someone.p12');
    fs.writeFileSync(offered, Buffer.from('not read: the store is refused first'));
    const out = assay(['identity', 'import', offered, '--data-dir', dataDir]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/read-only/i);
    expect(fs.existsSync(offered)).toBe(true);
  });

  it('says a read hit the damaged part of the store, not "unexpected error", for every reading command', () => {
    for (const args of [
      ['assessments', '--data-dir', dataDir, '--json'],
      [
        'report',
        '--data-dir',
        dataDir,
        '--assessment',
        assessmentId,
        '--draft',
        '--out',
        path.join(tempDir(), 'r.pdf'),
      ],
    ]) {
      const out = assay(args);
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(/damaged part of the database/);
      expect(out.stderr).not.toMatch(/unexpected error/);
    }
  });

  it('leaves every file of the data directory, and the database bytes, as they were', () => {
    expect(listing(dataDir)).toEqual(filesBefore);
    expect(fs.readFileSync(dbFile(dataDir)).equals(before)).toBe(true);
  });
});
