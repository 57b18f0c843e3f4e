import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { seedAssessment } from '../helpers/db';
import { vaultFiles } from '../helpers/evidence';

const cli = path.join(projectRoot, 'bin', 'assay.cjs');
/**
 * 1 GiB: the CLI prints progress at most every 100 ms, and the kills below must land between two
 * of those lines. With 300 MB an idle machine imported the file in three lines (0, 33 %, 71 %,
 * done), so a kill meant for 80 % never came and the test failed; here the last window (75–100 %,
 * 256 MB) is missed only by an import faster than 2.5 GB/s.
 */
const SIZE = 1024 * 1024 * 1024;

/** A 1 GiB file: mostly a hole (cheap to make), with real data every 8 MiB. */
function bigFile(): string {
  const file = path.join(tempDir('assay-crash-src-'), 'model-weights.bin');
  const fd = fs.openSync(file, 'w');
  fs.ftruncateSync(fd, SIZE);
  const block = Buffer.alloc(64 * 1024);
  for (let at = 0; at < SIZE; at += 8 * 1024 * 1024) {
    block.fill(at % 251);
    fs.writeSync(fd, block, 0, block.length, at);
  }
  fs.closeSync(fd);
  return file;
}

/** Runs `assay evidence import --progress` and SIGKILLs it once `fraction` of the file is copied. */
function importAndKill(dataDir: string, engagementId: string, file: string, fraction: number) {
  return new Promise<{ signal: NodeJS.Signals | null; killedAt: number }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        cli,
        'evidence',
        'import',
        '--progress',
        '--data-dir',
        dataDir,
        '--engagement',
        engagementId,
        file,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let killedAt = -1;
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const m of out.matchAll(/progress (\d+) (\d+)/g)) {
        const done = Number(m[1]);
        if (killedAt < 0 && done >= fraction * SIZE && done < SIZE) {
          killedAt = done;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (killedAt < 0) reject(new Error(`finished before it could be killed:\n${out}`));
      else resolve({ signal, killedAt });
    });
  });
}

describe('evidence import killed midway (SIGKILL)', () => {
  let dataDir: string;
  let engagementId: string;
  let file: string;
  beforeAll(async () => {
    dataDir = tempDir('assay-crash-');
    const core = await startTestCore(dataDir);
    engagementId = seedAssessment(core.store.sqlite).engagementId;
    core.close();
    file = bigFile();
  });
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  it('leaves no partial object, no row without its file, and a clean check', async () => {
    const tried: number[] = [];
    for (const fraction of [0.1, 0.45, 0.75]) {
      const { signal, killedAt } = await importAndKill(dataDir, engagementId, file, fraction);
      expect(signal).toBe('SIGKILL');
      tried.push(killedAt);
      // The kill left its temp copy behind; nothing reached objects/.
      expect(vaultFiles(dataDir, 'tmp')).toHaveLength(1);
      expect(vaultFiles(dataDir, 'objects')).toEqual([]);

      const core = await startTestCore(dataDir);
      try {
        expect(vaultFiles(dataDir, 'tmp')).toEqual([]);
        const rows = core.store.sqlite
          .prepare('SELECT count(*) AS n FROM evidence_items')
          .get() as { n: number };
        expect(rows.n).toBe(0);
        const blobs = core.store.sqlite.prepare('SELECT sha256 FROM evidence_blobs').all() as {
          sha256: string;
        }[];
        for (const b of blobs) {
          expect(
            fs.existsSync(path.join(dataDir, 'vault', 'objects', b.sha256.slice(0, 2), b.sha256)),
          ).toBe(true);
        }
      } finally {
        core.close();
      }
      const check = spawnSync(process.execPath, [cli, 'check', '--data-dir', dataDir], {
        encoding: 'utf8',
      });
      expect(check.stdout).toContain('OK: every stored file is present and unaltered.');
      expect(check.status).toBe(0);
    }
    console.log(
      `killed at ${tried.map((b) => `${Math.round(b / 1048576)} MB`).join(', ')} of ${SIZE / 1048576} MB: 0 partial files, 0 orphan rows`,
    );

    // The same import, left alone, completes and checks clean.
    const done = spawnSync(
      process.execPath,
      [cli, 'evidence', 'import', '--data-dir', dataDir, '--engagement', engagementId, file],
      { encoding: 'utf8' },
    );
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^imported /);
    const check = spawnSync(process.execPath, [cli, 'check', '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(check.stdout).toContain(`1 records, 1 stored files (${(SIZE / 1048576).toFixed(1)} MB)`);
    expect(check.status).toBe(0);
  });
});
