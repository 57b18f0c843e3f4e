import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../core/evidence';
import { exportExchange, importExchange } from '../core/exchange';
import type { BenchRow } from './types';
import { onLargeDemo } from './large-demo';
import { makeFile, MiB, startBenchCore } from './setup';
import { cpuMs } from './stats';

const FILES = 4;
const FILE_MIB = 256;
const PASS = 'bench passphrase';

async function seconds(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Wall seconds of `fn`, and this process's CPU seconds in it (its own cost under load). */
async function secondsWithCpu(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const wall = await seconds(fn);
  return { wall, cpu: cpuMs(cpu) / 1000 };
}

/** Runs `fn` while sampling the process's memory; answers the peak above where it started. */
async function peakAbove(fn: () => Promise<unknown>): Promise<number> {
  const idle = process.memoryUsage.rss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    await fn();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage.rss()) - idle;
}

/**
 * The large demo's first client (10,000 risks) with 1 GiB of evidence (4 × 256 MiB) exported to
 * an `.assayx` file and imported into an empty data directory, against `sha256sum` + `cp` + `sync`
 * of the same files in the same run (what the import must at least do: hash and copy every byte).
 */
export async function benchExchange(): Promise<BenchRow[]> {
  return onLargeDemo('exchange', async (a, demo) => {
    const engagementId = demo.engagementIds[0] ?? '';
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-exchange-'));
    try {
      const files = Array.from({ length: FILES }, (_, i) => path.join(work, `evidence-${i}.bin`));
      for (const file of files) {
        makeFile(file, FILE_MIB);
        await importFile(a.ctx, file, { engagementId });
      }
      const copies = path.join(work, 'copies');
      fs.mkdirSync(copies);
      const tools = await seconds(() => {
        for (const file of files) {
          execFileSync('sha256sum', [file], { stdio: 'ignore' });
          execFileSync('cp', [file, copies], { stdio: 'ignore' });
        }
        execFileSync('sync', [], { stdio: 'ignore' });
      });
      fs.rmSync(copies, { recursive: true });
      const out = path.join(work, 'engagement.assayx');
      let exported = { wall: 0, cpu: 0 };
      const exportPeak = await peakAbove(async () => {
        exported = await secondsWithCpu(() =>
          exportExchange(a.ctx, { engagementId, out, passphrase: PASS, includeEvidence: true }),
        );
      });
      const exportTime = exported.wall;
      const fileBytes = fs.statSync(out).size;
      const b = await startBenchCore(path.join(work, 'b'));
      let imported = { wall: 0, cpu: 0 };
      let changes = 0;
      try {
        const importPeak = await peakAbove(async () => {
          imported = await secondsWithCpu(async () => {
            changes = (await importExchange(b.ctx, out, { passphrase: PASS })).changes.applied;
          });
        });
        const importTime = imported.wall;
        const gib = (FILES * FILE_MIB) / 1024;
        const rate = (s: number) => `${((FILES * FILE_MIB * MiB) / 1e6 / s).toFixed(0)} MB/s`;
        const both = exportTime + importTime;
        return [
          {
            name: 'exchange: export + import of a large-demo engagement with its evidence',
            size: `${gib} GiB evidence in ${FILES} files, ${changes} changes; file ${(fileBytes / MiB).toFixed(0)} MiB`,
            value:
              `export ${exportTime.toFixed(2)} s (${rate(exportTime)}, CPU ${exported.cpu.toFixed(2)} s, peak +${(exportPeak / MiB).toFixed(0)} MiB), ` +
              `import ${importTime.toFixed(2)} s (${rate(importTime)}, CPU ${imported.cpu.toFixed(2)} s, peak +${(importPeak / MiB).toFixed(0)} MiB)`,
            baseline: `sha256sum + cp + sync of the same files: ${tools.toFixed(2)} s (${rate(tools)})`,
            ratio:
              `export ${(exportTime / tools).toFixed(2)}×, import ${(importTime / tools).toFixed(2)}×, ` +
              `together ${(both / tools).toFixed(2)}× the tools' time`,
            aim: 'within 2× the tools: export and import each, and (the strict reading) together',
          },
        ];
      } finally {
        b.close();
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
