import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../core/start';
import { seedDemo, type DemoReport } from '../core/demo';
import { startBenchCore } from './setup';

/**
 * Runs `measure` on a fresh core holding the large demo (seed 7, so every bench sees the same
 * data) in a temporary data directory, removed afterwards whatever happens.
 */
export async function onLargeDemo<T>(
  name: string,
  measure: (core: Core, demo: DemoReport) => Promise<T>,
): Promise<T> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `assay-bench-${name}-`));
  try {
    const core = await startBenchCore(path.join(work, 'data'));
    try {
      return await measure(core, await seedDemo(core.ctx, { size: 'large', seed: 7 }));
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
