/**
 * The EU AI Act and NIST AI RMF sections of the full report, on the small demo. The render worker
 * is a built file: run `npx electron-vite build` first (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/seed';
import { startTestCore } from '../helpers/core';
import { caller } from '../helpers/risk-core';

type Core = Awaited<ReturnType<typeof startTestCore>>;
let core: Core;
let assessmentId = '';

const pdfText = (file: string) => {
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return r.stdout.replace(/\s+/g, ' ');
};

beforeAll(async () => {
  core = await startTestCore();
  await seedDemo(core.ctx, { size: 'small', seed: 42 });
  assessmentId = core.store.sqlite.prepare('SELECT id FROM assessments').pluck().get() as string;
});
afterAll(() => core.close());

describe('the full report on other frameworks', () => {
  it('has an EU AI Act section with the obligations, their supporting requirements and what 42001 does not cover, and a NIST AI RMF coverage section', async () => {
    const r = await caller(core).ok('reports.export', { assessmentId, kind: 'full', draft: true });
    const t = pdfText(path.join(core.dataDir, 'exports', r.fileName));
    for (const expected of [
      'EU AI Act',
      'Obligations ISO/IEC 42001 helps with',
      'Risk management system (Article 9)',
      'Data and data governance (Article 10)',
      'Human oversight (Article 14)',
      'Quality management system (Article 17)',
      'Obligations ISO/IEC 42001 does not cover',
      'Conformity assessment (Article 43, Annex VI, Annex VII)',
      'CE marking (Article 48)',
      'Fundamental rights impact assessment (Article 27)',
      'Credit scoring model',
      'NIST AI RMF coverage',
      'GOVERN 1',
      'MANAGE 4',
    ])
      expect(t, expected).toContain(expected);
    expect(t).toMatch(/Contents .*EU AI Act .*NIST AI RMF coverage .*Evidence index/);
  }, 180_000);

  it('leaves both sections out of the SoA-only report', async () => {
    const r = await caller(core).ok('reports.export', { assessmentId, kind: 'soa', draft: true });
    const t = pdfText(path.join(core.dataDir, 'exports', r.fileName));
    expect(t).not.toContain('Obligations ISO/IEC 42001 helps with');
    expect(t).not.toContain('NIST AI RMF coverage');
  }, 180_000);
});
