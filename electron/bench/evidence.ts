import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deleteEvidence, importFile } from '../core/evidence';
import { benchEngagement, makeFile, MiB, startBenchCore } from './setup';
import type { BenchRow } from './types';

function seconds(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Importing a file into the vault (one read pass: SHA-256 while copying, fsync, rename, fsync
 * the folder, commit) against `sha256sum` then `cp` then `sync` of the same file in the same
 * run; and the import's peak memory above the process's idle memory.
 */
export async function benchEvidence(options: { sizeMiB?: number } = {}): Promise<BenchRow[]> {
  const sizeMiB = options.sizeMiB ?? 1024;
  const size = sizeMiB === 1024 ? '1 GiB' : `${sizeMiB} MiB`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-evidence-'));
  try {
    const source = path.join(work, 'model-weights.bin');
    makeFile(source, sizeMiB);

    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    const core = await startBenchCore(dataDir);
    const toolTimes: number[] = [];
    const importTimes: number[] = [];
    let peakAbove = 0;
    let idle = 0;
    try {
      const engagementId = benchEngagement(core, 'Bench');
      // Two rounds, alternating, best of each: the machine is shared and disks are noisy.
      for (let round = 0; round < 2; round += 1) {
        const copy = path.join(work, 'copy.bin');
        toolTimes.push(
          seconds(() => {
            execFileSync('sha256sum', [source], { stdio: 'ignore' });
            execFileSync('cp', [source, copy], { stdio: 'ignore' });
            execFileSync('sync', [], { stdio: 'ignore' });
          }),
        );
        fs.rmSync(copy);

        idle = process.memoryUsage.rss();
        let peak = idle;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage.rss());
        }, 10);
        const start = process.hrtime.bigint();
        try {
          const item = await importFile(core.ctx, source, { engagementId });
          importTimes.push(Number(process.hrtime.bigint() - start) / 1e9);
          // Delete it again so the next round stores the object anew (no dedupe shortcut).
          await deleteEvidence(core.ctx, item.id);
        } finally {
          clearInterval(sampler);
        }
        peakAbove = Math.max(peakAbove, Math.max(peak, process.memoryUsage.rss()) - idle);
      }
    } finally {
      core.close();
    }
    const tools = Math.min(...toolTimes);
    const imported = Math.min(...importTimes);

    const rate = (s: number) => `${(sizeMiB / s).toFixed(0)} MiB/s`;
    return [
      {
        name: 'evidence import (SHA-256 + copy + fsync + commit)',
        size,
        value: `${imported.toFixed(2)} s (${rate(imported)}), best of 2`,
        baseline: `sha256sum + cp + sync: ${tools.toFixed(2)} s (${rate(tools)}), best of 2`,
        ratio: `${(imported / tools).toFixed(2)}× the tools' time`,
        aim: 'at most 1.00× (the import reads the file once)',
      },
      {
        name: 'evidence import peak memory above idle',
        size,
        value: `${(peakAbove / MiB).toFixed(1)} MB (idle ${(idle / MiB).toFixed(0)} MB)`,
        aim: 'under 150 MB',
      },
    ];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
