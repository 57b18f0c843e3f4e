import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';

type Core = Awaited<ReturnType<typeof startTestCore>>;
import { tableCounts } from '../helpers/db';
import { caller } from '../helpers/risk-core';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const PASS = 'exchange passphrase';
const KILLS = 8;

function assay(args: string[], passphrase = PASS) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ASSAY_PASSPHRASE: passphrase },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Source {
  dataDir: string;
  engagementId: string;
  assessmentId: string;
  requirements: string[];
}

async function source(): Promise<Source> {
  const core = await startTestCore();
  try {
    const demo = await seedDemo(core.ctx, { size: 'small', seed: 7 });
    const engagementId = demo.engagementIds[0]!;
    const assessmentId = core.store.sqlite
      .prepare(
        "SELECT id FROM assessments WHERE engagement_id = ? AND status <> 'final' ORDER BY created_at DESC",
      )
      .pluck()
      .get(engagementId) as string;
    const requirements = core.store.sqlite
      .prepare(
        'SELECT requirement_id FROM responses WHERE assessment_id = ? ORDER BY requirement_id LIMIT 3',
      )
      .pluck()
      .all(assessmentId) as string[];
    return { dataDir: core.dataDir, engagementId, assessmentId, requirements };
  } finally {
    core.close();
  }
}

const saveNotes = (dataDir: string, assessmentId: string, requirementId: string, notes: string) =>
  inCore(dataDir, (core) =>
    caller(core).ok('responses.save', {
      assessmentId,
      requirementId,
      result: 'partially-conformant',
      notes,
    }),
  );

async function inCore<T>(dataDir: string, fn: (core: Core) => T | Promise<T>): Promise<T> {
  const core = await startTestCore(dataDir);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

const notesOf = (dataDir: string, assessmentId: string, requirementId: string) =>
  inCore(dataDir, (core) =>
    core.store.sqlite
      .prepare('SELECT notes FROM responses WHERE assessment_id = ? AND requirement_id = ?')
      .pluck()
      .get(assessmentId, requirementId),
  );

const snapshot = (dataDir: string) => inCore(dataDir, (core) => tableCounts(core.store.sqlite));

const exportArgs = (s: Source, out: string) => [
  'exchange',
  'export',
  '--data-dir',
  s.dataDir,
  '--engagement',
  s.engagementId,
  '--out',
  out,
];

describe('assay exchange and assay conflicts', () => {
  it('export, import into an empty directory, merge with one conflict (exit 3), idempotent, resolve; refusals exit 1', async () => {
    const a = await source();
    const b = tempDir('assay-cli-b-');
    const f1 = path.join(tempDir('assay-cli-x-'), 'one.assayx');
    expect(assay(exportArgs(a, f1)).code).toBe(0);
    const first = assay(['exchange', 'import', f1, '--data-dir', b]);
    expect(first.code, first.stderr).toBe(0);
    const list = (dir: string) =>
      JSON.parse(assay(['assessments', '--data-dir', dir, '--json']).stdout) as unknown[];
    expect(list(b)).toEqual(list(a.dataDir));

    const [r1, r2, r3] = a.requirements as [string, string, string];
    await saveNotes(a.dataDir, a.assessmentId, r1, 'A only');
    await saveNotes(b, a.assessmentId, r2, 'B only');
    await saveNotes(a.dataDir, a.assessmentId, r3, 'A says this');
    await saveNotes(b, a.assessmentId, r3, 'B says that');
    const f2 = path.join(path.dirname(f1), 'two.assayx');
    expect(assay(exportArgs(a, f2)).code).toBe(0);

    const before = await snapshot(b);
    const dry = assay(['exchange', 'import', f2, '--data-dir', b, '--dry-run']);
    expect(dry.code).toBe(3);
    expect(dry.stdout).toContain('Would import');
    expect(await snapshot(b)).toEqual(before);

    const merged = assay(['exchange', 'import', f2, '--data-dir', b]);
    expect(merged.code, merged.stderr).toBe(3);
    expect(merged.stdout).toMatch(/1 conflict/);
    expect(await notesOf(b, a.assessmentId, r1)).toBe('A only');
    expect(await notesOf(b, a.assessmentId, r2)).toBe('B only');
    expect(await notesOf(b, a.assessmentId, r3)).toBe('B says that');

    const settled = await snapshot(b);
    const again = assay(['exchange', 'import', f2, '--data-dir', b]);
    expect(again.stdout).toMatch(/0 applied/);
    expect(await snapshot(b)).toEqual(settled);

    const conflicts = JSON.parse(assay(['conflicts', '--data-dir', b, '--json']).stdout) as {
      id: string;
      field: string;
      mine: { value: unknown };
      theirs: { value: unknown };
    }[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      field: 'notes',
      mine: { value: 'B says that' },
      theirs: { value: 'A says this' },
    });
    expect(
      assay(['conflicts', 'resolve', conflicts[0]!.id, '--take', 'theirs', '--data-dir', b]).code,
    ).toBe(0);
    expect(await notesOf(b, a.assessmentId, r3)).toBe('A says this');
    expect(assay(['conflicts', '--data-dir', b]).stdout).toContain('No open conflicts');
    expect(
      assay(['conflicts', 'resolve', conflicts[0]!.id, '--take', 'sideways', '--data-dir', b]).code,
    ).toBe(2);

    const unchanged = await snapshot(b);
    expect(assay(['exchange', 'import', f2, '--data-dir', b], 'not the passphrase').code).toBe(1);
    const bytes = fs.readFileSync(f2);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x40;
    const flipped = path.join(path.dirname(f1), 'flipped.assayx');
    fs.writeFileSync(flipped, bytes);
    const refused = assay(['exchange', 'import', flipped, '--data-dir', b]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused, nothing was changed/);
    expect(await snapshot(b)).toEqual(unchanged);
    expect(assay(['exchange', 'import', '--data-dir', b]).code).toBe(2);
  }, 300_000);

  it(`a SIGKILL at any moment of an import leaves the store as before or fully imported (${KILLS} kills)`, async () => {
    const a = await source();
    const file = path.join(tempDir('assay-cli-kill-'), 'kill.assayx');
    expect(assay(exportArgs(a, file)).code).toBe(0);
    const target = tempDir('assay-cli-kill-target-');
    const before = await snapshot(target);
    const reference = tempDir('assay-cli-kill-ref-');
    expect(assay(['exchange', 'import', file, '--data-dir', reference]).code).toBe(0);
    const after = await snapshot(reference);
    let interrupted = 0;
    for (let run = 0; run < KILLS; run += 1) {
      // Odd runs: killed the moment an evidence file starts arriving (mid-import for certain);
      // even runs: after a delay that moves through start-up, key derivation, reading, applying.
      const delay = 200 + Math.floor(((run * 7919) % KILLS) * (2500 / KILLS));
      const tmp = path.join(target, 'vault', 'tmp');
      const killed = await new Promise<boolean>((resolve) => {
        const child = spawn(
          process.execPath,
          [bin, 'exchange', 'import', file, '--data-dir', target],
          {
            env: { ...process.env, ASSAY_PASSPHRASE: PASS },
          },
        );
        const kill = () => child.kill('SIGKILL');
        const timer = run % 2 === 0 ? setTimeout(kill, delay) : null;
        const poll =
          run % 2 === 1
            ? setInterval(() => {
                if (fs.existsSync(tmp) && fs.readdirSync(tmp).length > 0) kill();
              }, 2)
            : null;
        child.on('exit', (_code, signal) => {
          if (timer) clearTimeout(timer);
          if (poll) clearInterval(poll);
          resolve(signal === 'SIGKILL');
        });
      });
      const now = await snapshot(target);
      if (killed) interrupted += 1;
      // Nothing half-imported: either nothing of it, or all of it.
      expect([before, after]).toContainEqual(now);
      if (JSON.stringify(now) === JSON.stringify(after)) break;
      expect(fs.readdirSync(path.join(target, 'vault', 'tmp'))).toEqual([]);
    }
    expect(interrupted).toBeGreaterThan(0);
  }, 300_000);
});
