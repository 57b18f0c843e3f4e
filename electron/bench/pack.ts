import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../core/demo';
import { buildPack } from '../core/packs';
import { createIdentity } from '../core/identities';
import { importFile, objectPath } from '../core/evidence';
import { makeFile, MiB, startBenchCore } from './setup';
import type { BenchRow } from './types';

const rate = (bytes: number, s: number) => `${(bytes / MiB / s).toFixed(0)} MB/s`;

/**
 * Packing 1 GiB of evidence (four 256 MiB files in the small demo's engagement) into a signed
 * pack, against `cp` of the same vault files plus `sync` in the same run. The pack's time
 * includes rendering and signing the report, hashing every file again and the fsync.
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
      const copyDir = path.join(work, 'copy');
      fs.mkdirSync(copyDir);
      let start = process.hrtime.bigint();
      execFileSync('cp', [...stored, copyDir]);
      execFileSync('sync');
      const cpSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      fs.rmSync(copyDir, { recursive: true });

      start = process.hrtime.bigint();
      const built = await buildPack(core.ctx, {
        assessmentId: demo.assessmentIds[0] ?? '',
        identityId: identity.id,
        passphrase,
        omitConfidential: false,
        out: path.join(work, 'pack.zip'),
      });
      const packSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      const size = `${sizeMiB === 1024 ? '1 GiB' : `${sizeMiB} MiB`} of evidence in ${files} files (pack ${(built.bytes / MiB).toFixed(0)} MiB, ${built.files} files)`;
      return [
        {
          name: 'pack: signed readiness pack',
          size,
          value: `${rate(bytes, packSeconds)} (${packSeconds.toFixed(1)} s, report rendered and signed included)`,
          baseline: `cp + sync of the same files: ${rate(bytes, cpSeconds)} (${cpSeconds.toFixed(1)} s)`,
          ratio: `${(packSeconds / cpSeconds).toFixed(1)}× the time of cp`,
          aim: 'within a few times cp: one read pass, hashed while written',
        },
      ];
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
