import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createEngagement } from '../core/engagements';
import { findAppRoot } from '../core/paths';
import { startCore, type Core } from '../core/start';

export const MiB = 1024 * 1024;

/** The app's root (resources/, out/renderer) as the built bench sees it. */
export const benchAppRoot = () => findAppRoot(__dirname);

/** A core on `dataDir` as the bench uses it: the app's own resources, browser transport. */
export function startBenchCore(dataDir: string): Promise<Core> {
  return startCore({
    dataDir,
    appRoot: benchAppRoot(),
    version: 'bench',
    transport: 'http',
    actor: 'bench',
  });
}

/** An empty engagement to measure one room's work in. */
export function benchEngagement(core: Core, clientName: string): string {
  return createEngagement(core.ctx, {
    clientName,
    aimsScope: 'Bench',
    aiRoles: [],
    sites: [],
    leadAssessor: 'Bench',
    startDate: null,
    endDate: null,
    notes: '',
  }).id;
}

/**
 * A file of real (incompressible, non-sparse) bytes — evidence is mostly PDFs and images —
 * synced so both contestants start equal.
 */
export function makeFile(file: string, sizeMiB: number): void {
  const fd = fs.openSync(file, 'w');
  const block = randomBytes(MiB);
  for (let i = 0; i < sizeMiB; i += 1) {
    // Vary every block cheaply so no layer can deduplicate it.
    block.writeUInt32LE(i, 0);
    fs.writeSync(fd, block);
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}
