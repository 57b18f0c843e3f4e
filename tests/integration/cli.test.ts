import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/core';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const built = fs.existsSync(path.join(projectRoot, 'out', 'main', 'cli.js'));
if (!built) {
  console.warn('cli.test.ts skipped: out/main/cli.js is missing; run "npm run build" first.');
}

function assay(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const servers: ChildProcess[] = [];
afterEach(() => {
  for (const child of servers.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `assay serve` and resolves once it prints the URL to open. */
function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^Open: (\S+)$/m.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe.skipIf(!built)('assay command line', () => {
  it('catalog --summary prints the clause and control counts and exits 0', () => {
    const result = assay(['catalog', '--summary', '--data-dir', tempDir()]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Clause entries (4–10): 43');
    expect(result.stdout).toContain('Annex A controls: 38');
    expect(result.stdout).toContain('Annex C: 11 objectives, 7 risk sources');
    expect(result.stdout).toMatch(
      /Audit stages: [1-9]\d* stage-1 and [1-9]\d* stage-2 questions \(38 ask/,
    );
    expect(result.stdout).toMatch(/nonconformity examples: 70 major\/minor pairs/);
  });

  it('catalog --summary lists the reference catalogs as not assessable, with their counts', () => {
    const result = assay(['catalog', '--summary', '--data-dir', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Reference catalog, not assessable: 13 chapters, 113 articles, 16 chapter sections, 13 annexes, 15 annex parts',
    );
    expect(result.stdout).toContain(
      'Reference catalog, not assessable: 4 functions, 19 categories, 72 subcategories',
    );
    expect(result.stdout).toContain(
      'Reference catalog, not assessable: 41 clauses, 4 themes, 93 controls',
    );
  });

  it('catalog without --summary prints the requirement tree', () => {
    const result = assay(['catalog', '--data-dir', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {6}A\.6\.2\.4 {2}\S.* \[\d questions\]$/m);
    expect(result.stdout).toMatch(/^ {2}4 {2}Context of the organization$/m);
  });

  it('uses ASSAY_DATA_DIR when no --data-dir is given', () => {
    const dataDir = tempDir();
    const result = assay(['catalog', '--summary'], { ASSAY_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'assay.db'))).toBe(true);
  });

  it('--help exits 0 and lists serve and catalog', () => {
    const result = assay(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+serve\b/m);
    expect(result.stdout).toMatch(/^\s+catalog\b/m);
  });

  it('serve --help exits 0 and documents --port', () => {
    const result = assay(['serve', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--port');
  });

  it('serve --port abc exits 2 with a message naming --port', () => {
    const result = assay(['serve', '--port', 'abc', '--data-dir', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port');
  });

  it('an unknown command exits 2 and says so', () => {
    const result = assay(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('a corrupt database makes catalog exit 1 with a plain message and leaves the file alone', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'assay.db');
    fs.writeFileSync(file, 'this is not a database'.repeat(500));
    const result = assay(['catalog', '--summary', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^assay: The database .* is damaged/);
    expect(result.stderr).not.toContain('    at ');
    expect(fs.readFileSync(file, 'utf8')).toBe('this is not a database'.repeat(500));
  });

  it('a second Assay on a data dir that serve holds exits 1; serve stops on SIGTERM and frees the lock', async () => {
    const dataDir = tempDir();
    const { child, url } = await serve(dataDir);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const lock = path.join(dataDir, 'assay.lock');
    expect(fs.existsSync(lock)).toBe(true);

    const second = assay(['catalog', '--summary', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Another Assay is already using');
    expect(second.stderr).toContain(`process ${child.pid}`);

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('an unexpected error prints one line naming the log file, which holds the stack; --verbose prints it too', () => {
    const dataDir = tempDir();
    expect(assay(['catalog', '--summary', '--data-dir', dataDir]).code).toBe(0);
    // Changed behind Assay's back: the query that lists assessments can no longer run.
    const db = new Database(path.join(dataDir, 'assay.db'));
    db.exec('ALTER TABLE assessments RENAME TO assessments_moved');
    db.close();

    const plain = assay(['assessments', '--data-dir', dataDir]);
    expect(plain.code).toBe(1);
    const lines = plain.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const file = /the details are in the log file (\S+\.log); --verbose prints them here\)$/.exec(
      lines[0] ?? '',
    )?.[1];
    expect(lines[0]).toMatch(/^assay: unexpected error: no such table: (main\.)?assessments \(/);
    expect(file && path.dirname(file)).toBe(path.join(dataDir, 'logs'));
    const logged = fs.readFileSync(file ?? '', 'utf8');
    expect(logged).toContain('"where":"assay assessments"');
    expect(logged).toMatch(/SqliteError: no such table: (main\.)?assessments\\n {4}at /);

    for (const args of [
      ['assessments', '--data-dir', dataDir, '--verbose'],
      ['--verbose', 'assessments', '--data-dir', dataDir],
    ]) {
      const verbose = assay(args);
      expect(verbose.code).toBe(1);
      expect(verbose.stderr).toMatch(
        /^assay: unexpected error: no such table: (main\.)?assessments \(.*\)\n/,
      );
      expect(verbose.stderr).toMatch(/\nSqliteError: no such table: (main\.)?assessments\n {4}at /);
    }
  });
});
