import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../core/demo';
import { buildPack } from '../core/packs';
import type { Progress } from '../core/reports';
import type { EventBus } from '../core/events';
import { createIdentity } from '../core/identities';
import { importFile, objectPath } from '../core/evidence';
import { makeFile, MiB, startBenchCore } from './setup';
import type { BenchRow } from './types';

const rate = (bytes: number, s: number) => `${(bytes / MiB / s).toFixed(0)} MB/s`;

/** Labels the pack shows once the report is signed, whether or not the evidence is all in. */
const FINISHING = new Set(['Signing the manifest', 'Writing the pack to disk']);

/**
 * When, seconds after `start`, the two jobs of a pack ended. The evidence: once the pack's label
 * stops naming an evidence file for one of the report's (see packs/progress.ts); the labels of its
 * last steps do not count, as the manifest is signed as soon as the report is, while the evidence
 * may still stream (counting them timed a run's evidence at 3.44 s that was traced at 4.86 s).
 * The report: once its render says
 * "Report rendered" on the event bus under its own task (signing follows in milliseconds). It
 * used to be read from the pack's label turning to "Report signed", but the pack's label names
 * the evidence while there is some: a report done first showed as done at the evidence's end or
 * later (a run traced at 3.4 s was printed as 4.7 s).
 */
function packPhases(start: bigint, events: EventBus) {
  const at = () => Number(process.hrtime.bigint() - start) / 1e9;
  let report = Number.NaN;
  let evidence = Number.NaN;
  let adding = false;
  const unsubscribe = events.subscribe((name, payload) => {
    const p = payload as Progress;
    if (name === 'progress' && p.label === 'Report rendered' && Number.isNaN(report)) {
      report = at();
    }
  });
  return {
    onProgress(p: Progress) {
      if (p.label.startsWith('Adding ')) adding = true;
      else if (adding && !FINISHING.has(p.label) && Number.isNaN(evidence)) evidence = at();
    },
    report: () => report,
    evidence: () => evidence,
    stop: unsubscribe,
  };
}

/**
 * Packing 1 GiB of evidence (four 256 MiB files in the small demo's engagement) into a signed
 * pack, against `sha256sum` + `cp` of the same vault files plus `sync` in the same run (the pack
 * must read, hash and write the same bytes). The pack's time includes rendering and signing the
 * report, the archive and its fsync; the peak RSS of the process is sampled every 20 ms.
 */
export async function benchPack(options: { sizeMiB?: number } = {}): Promise<BenchRow[]> {
  const sizeMiB = options.sizeMiB ?? 1024;
  const files = 4;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-pack-'));
  try {
    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    const core = await startBenchCore(dataDir);
    try {
      const demo = await seedDemo(core.ctx, { size: 'small', seed: 1 });
      const engagementId = demo.engagementIds[0] ?? '';
      const passphrase = 'bench passphrase';
      const identity = await createIdentity(core.ctx, {
        name: 'Bench Signer',
        organisation: 'Bench',
        email: 'bench@example.test',
        role: '',
        passphrase,
      });
      const stored: string[] = [];
      for (let i = 0; i < files; i += 1) {
        const source = path.join(work, `model-card-${i}.bin`);
        makeFile(source, sizeMiB / files);
        const item = await importFile(core.ctx, source, { engagementId });
        stored.push(objectPath(dataDir, item.sha256));
        fs.rmSync(source);
      }
      const bytes = sizeMiB * MiB;
      // The baseline: what reading, hashing and copying these files costs without Assay.
      const copyDir = path.join(work, 'copy');
      fs.mkdirSync(copyDir);
      let start = process.hrtime.bigint();
      execFileSync('sha256sum', stored, { maxBuffer: 1024 * 1024 });
      execFileSync('cp', [...stored, copyDir]);
      execFileSync('sync');
      const baseSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      fs.rmSync(copyDir, { recursive: true });

      const rssBefore = process.memoryUsage.rss();
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      }, 20);
      start = process.hrtime.bigint();
      const phases = packPhases(start, core.ctx.events);
      let built: Awaited<ReturnType<typeof buildPack>>;
      try {
        built = await buildPack(
          core.ctx,
          {
            assessmentId: demo.assessmentIds[0] ?? '',
            identityId: identity.id,
            passphrase,
            omitConfidential: false,
            out: path.join(work, 'pack.zip'),
          },
          phases.onProgress,
        );
      } finally {
        clearInterval(sampler);
        phases.stop();
      }
      const packSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      const size = `${sizeMiB === 1024 ? '1 GiB' : `${sizeMiB} MiB`} of evidence in ${files} files (pack ${(built.bytes / MiB).toFixed(0)} MiB, ${built.files} files)`;
      const rss = (n: number) => `${Math.round(n / MiB)} MB`;
      return [
        {
          name: 'pack: signed readiness pack',
          size,
          value: `${rate(bytes, packSeconds)} (${packSeconds.toFixed(2)} s, report rendered and signed included; peak RSS ${rss(rssPeak)}, ${rss(rssPeak - rssBefore)} above the ${rss(rssBefore)} before)`,
          baseline: `sha256sum + cp + sync of the same files: ${rate(bytes, baseSeconds)} (${baseSeconds.toFixed(2)} s)`,
          ratio: `${(packSeconds / baseSeconds).toFixed(2)}× the time of sha256sum + cp (the evidence all in the archive at ${phases.evidence().toFixed(2)} s: ${(phases.evidence() / baseSeconds).toFixed(2)}×; the report rendered at ${phases.report().toFixed(2)} s)`,
          aim: 'within 1.5× sha256sum + cp: one read pass, hashed while written, memory flat',
        },
      ];
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
