import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntegrityReport } from '../../shared/contracts/evidence';
import { seedEvidenceDemo } from '../../electron/core/evidence';
import { startTestCore } from '../helpers/core';
import { requirementKey, seedAssessment } from '../helpers/db';
import { call } from '../helpers/evidence';

describe('demo evidence', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
  beforeAll(async () => {
    core = await startTestCore();
  });
  afterAll(() => core?.close());

  it('imports a few dozen real files linked to requirements and findings', async () => {
    const ids = seedAssessment(core.store.sqlite);
    let seed = 7;
    const rng = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const { items } = await seedEvidenceDemo(core.ctx, {
      engagementId: ids.engagementId,
      requirementIds: ['4.1', '6.1.2', 'A.7.5', 'A.6.2.4'].map(requirementKey),
      findingIds: [ids.findingId],
      rng,
    });
    expect(items.length).toBeGreaterThanOrEqual(24);
    const kinds = new Set(items.map((i) => i.previewKind));
    expect([...kinds].sort()).toEqual(['image', 'pdf', 'text']);
    const links = core.store.sqlite
      .prepare(
        'SELECT count(requirement_id) AS r, count(finding_id) AS f FROM evidence_links l JOIN evidence_items i ON i.id = l.evidence_id WHERE i.engagement_id = ?',
      )
      .get(ids.engagementId) as { r: number; f: number };
    expect(links.r).toBeGreaterThanOrEqual(items.length);
    expect(links.f).toBeGreaterThan(0);
    expect((await call<IntegrityReport>(core, 'evidence.check', {})).ok).toBe(true);

    // The hand-written PDFs are valid for an independent reader, where poppler is installed.
    const pdf = items.find((i) => i.previewKind === 'pdf');
    const file = path.join(
      core.dataDir,
      'vault',
      'objects',
      pdf?.sha256.slice(0, 2) ?? '',
      pdf?.sha256 ?? '',
    );
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (info.error === undefined) {
      expect(info.stderr).toBe('');
      expect(info.stdout).toMatch(/Pages:\s+2/);
    }
  });
});
