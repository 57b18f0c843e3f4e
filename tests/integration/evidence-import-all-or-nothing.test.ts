/**
 * Issue 11: `assay evidence import A B C` kept A and B when C was refused. Several files are now
 * imported as one: all kept, or none. The CLI case runs the built file (`npx electron-vite build`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngagement } from '../../electron/core/engagements';
import { importFile, importFilesAllOrNothing } from '../../electron/core/evidence';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';

const cli = path.join(projectRoot, 'bin', 'assay.cjs');
const built = fs.existsSync(path.join(projectRoot, 'out', 'main', 'cli.js'));

type TestCore = Awaited<ReturnType<typeof startTestCore>>;

function engagementIn(core: TestCore): string {
  return createEngagement(core.ctx, {
    clientName: 'All or nothing Ltd',
    aimsScope: 'x',
    aiRoles: [],
    sites: [],
    leadAssessor: 'L',
    startDate: null,
    endDate: null,
    notes: '',
  }).id;
}

function files(names: Record<string, string>): Record<string, string> {
  const dir = tempDir('assay-aon-');
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(names)) {
    out[name] = path.join(dir, name);
    if (content) fs.writeFileSync(out[name], content);
  }
  return out;
}

const itemCount = (core: TestCore) =>
  (core.store.sqlite.prepare('SELECT count(*) AS n FROM evidence_items').get() as { n: number }).n;
const objectsIn = (dataDir: string) => {
  const root = path.join(dataDir, 'vault', 'objects');
  return fs.existsSync(root)
    ? fs.readdirSync(root, { recursive: true }).filter((p) => /[0-9a-f]{64}$/.test(String(p)))
    : [];
};

describe('importing several evidence files', () => {
  it.skipIf(!built)(
    'assay evidence import keeps none of them when a later one is refused',
    async () => {
      const core = await startTestCore();
      const engagementId = engagementIn(core);
      const dataDir = core.dataDir;
      core.close();
      const f = files({
        'a.txt': 'first\n',
        'b.txt': 'second\n',
        'empty.txt': '',
        'missing.txt': '',
      });
      fs.writeFileSync(f['empty.txt'] as string, '');
      const r = spawnSync(
        process.execPath,
        [
          cli,
          'evidence',
          'import',
          '--data-dir',
          dataDir,
          '--engagement',
          engagementId,
          f['a.txt'] as string,
          f['b.txt'] as string,
          f['empty.txt'] as string,
          f['missing.txt'] as string,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Nothing was imported: 2 of 4 file\(s\) refused/);
      expect(r.stderr).toMatch(/empty\.txt" is empty/);
      expect(r.stderr).toMatch(/missing\.txt" does not exist/);
      expect(r.stdout).toBe('');
      const again = await startTestCore(dataDir);
      try {
        expect(itemCount(again)).toBe(0);
        expect(objectsIn(dataDir)).toEqual([]);
      } finally {
        again.close();
      }
    },
  );

  it('a file that fails while the others are copied takes them back out; earlier evidence stays', async () => {
    const core = await startTestCore();
    try {
      const engagementId = engagementIn(core);
      const f = files({
        'kept.txt': 'already here\n',
        'a.txt': 'already here\n',
        'b.txt': 'new bytes\n',
        'c.txt': 'vanishes\n',
      });
      const earlier = await importFile(core.ctx, f['kept.txt'] as string, { engagementId });
      // c.txt passes the checks, then disappears while a.txt is being copied.
      const stop = core.events.subscribe((name) => {
        if (name === 'progress') fs.rmSync(f['c.txt'] as string, { force: true });
      });
      const error = await importFilesAllOrNothing(
        core.ctx,
        [f['a.txt'] as string, f['b.txt'] as string, f['c.txt'] as string],
        { engagementId },
      ).then(
        () => null,
        (e: unknown) => e as Error,
      );
      stop();
      expect(error?.message).toMatch(
        /Nothing was imported \(the 2 file\(s\) already copied were removed again\)/,
      );
      expect(itemCount(core)).toBe(1);
      expect(objectsIn(core.dataDir)).toHaveLength(1);
      const still = core.store.sqlite.prepare('SELECT id, sha256 FROM evidence_items').get() as {
        id: string;
        sha256: string;
      };
      expect(still).toEqual({ id: earlier.id, sha256: earlier.sha256 });
    } finally {
      core.close();
    }
  });
});
