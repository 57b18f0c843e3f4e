import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceDetail } from '../../shared/contracts/evidence';
import type { EvidenceFreshnessRow } from '../../shared/contracts/cycle';
import { importFile } from '../../electron/core/evidence';
import { startTestCore } from '../helpers/core';
import { requirementKey, seedAssessment, type SeededIds } from '../helpers/db';
import { call, writeFiles } from '../helpers/evidence';

type Core = Awaited<ReturnType<typeof startTestCore>>;
let core: Core;
let ids: SeededIds;
beforeEach(async () => {
  core = await startTestCore();
  ids = seedAssessment(core.store.sqlite);
});
afterEach(() => core.close());

describe('an evidence item’s review date', () => {
  it('is set and cleared through the metadata, audited, and past it the item is stale for the interview and readiness', async () => {
    const files = writeFiles({ 'policy.md': '# AI policy' });
    const item = await importFile(core.ctx, files['policy.md'] ?? '', {
      engagementId: ids.engagementId,
    });
    await call(core, 'evidence.link', {
      evidenceId: item.id,
      requirementId: requirementKey('5.2'),
    });
    const meta = {
      id: item.id,
      title: 'AI policy',
      collectedOn: new Date().toISOString().slice(0, 10),
      classification: 'internal',
      status: 'accepted',
    };
    const fresh = await call<EvidenceFreshnessRow[]>(core, 'cycle.evidenceWarnings', {
      assessmentId: ids.assessmentId,
    });
    expect(fresh).toEqual([]);

    const updated = await call<EvidenceDetail>(core, 'evidence.update', {
      ...meta,
      reviewDue: '2020-06-30',
    });
    expect(updated.reviewDue).toBe('2020-06-30');
    const warnings = await call<EvidenceFreshnessRow[]>(core, 'cycle.evidenceWarnings', {
      assessmentId: ids.assessmentId,
    });
    expect(warnings).toEqual([
      expect.objectContaining({ id: item.id, freshness: 'stale', reviewDue: '2020-06-30' }),
    ]);
    const audited = core.store.sqlite
      .prepare(`SELECT after_json AS a FROM audit_log WHERE action = 'evidence.update'`)
      .all() as { a: string }[];
    expect(JSON.parse(audited[0]?.a ?? '{}')).toMatchObject({ reviewDue: '2020-06-30' });

    const cleared = await call<EvidenceDetail>(core, 'evidence.update', meta);
    expect(cleared.reviewDue).toBeNull();
  });
});
