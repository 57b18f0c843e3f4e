/**
 * The report's risk summary is counted by SQLite (GROUP BY) and lists only the highest-rated risks
 * it reads whole: it must say exactly what counting the whole register in memory says — heat
 * maps, bands, statuses, stale risks — and list the same risks in the same order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Risk } from '../../shared/contracts/risks';
import { riskStatuses, riskStatusLabels } from '../../shared/domain/risks';
import { bandIndex } from '../../shared/rules/risk-levels';
import { listRisks } from '../../electron/core/risks';
import { riskSummary, TOP_RISKS } from '../../electron/core/reports/risk-data';
import { startTestCore } from '../helpers/core';
import { caller, newEngagement, type TestCore } from '../helpers/risk-core';

let core: TestCore;
let engagementId = '';

/** A small linear congruential generator: the same register every run. */
function lcg(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

beforeAll(async () => {
  core = await startTestCore();
  const { ok } = caller(core);
  engagementId = await newEngagement(core);
  /** A risk rated on a `levels` × `levels` matrix, treated two times in three. */
  const create = async (n: number, draw: (n: number) => number, levels: number) => {
    const residual = draw(3) > 0;
    await ok('risks.create', {
      engagementId,
      title: `Risk number ${n}`,
      likelihood: 1 + draw(levels),
      impact: 1 + draw(levels),
      residualLikelihood: residual ? 1 + draw(levels) : null,
      residualImpact: residual ? 1 + draw(levels) : null,
      status: riskStatuses[draw(riskStatuses.length)],
    });
  };
  // Forty under the default 5 × 5 criteria, then a 4 × 4 matrix: those forty are stale, and a few
  // sit outside the new matrix; then more than TOP_RISKS under the new one, with many ties.
  const before = lcg(20261201);
  for (let n = 1; n <= 40; n += 1) await create(n, before, 5);
  await ok('riskCriteria.save', {
    engagementId,
    likelihoodLevels: 4,
    impactLevels: 4,
    likelihoodLabels: ['Rare', 'Possible', 'Likely', 'Certain'],
    impactLabels: ['Minor', 'Moderate', 'Major', 'Severe'],
    bands: [
      { name: 'low', minScore: 1 },
      { name: 'high', minScore: 6 },
      { name: 'extreme', minScore: 12 },
    ],
    acceptanceThreshold: 5,
  });
  const after = lcg(7);
  for (let n = 41; n <= 40 + TOP_RISKS + 30; n += 1) await create(n, after, 4);
}, 120_000);
afterAll(() => core?.close());

/** The summary as counting the whole register in memory gives it (the way it was computed before). */
function inMemory(all: Risk[], listAll: boolean) {
  const summary = riskSummary(core.ctx, engagementId, listAll);
  if (!summary) throw new Error('no risk summary');
  const { bands, likelihoodLabels, impactLabels, version } = summary.criteria;
  const L = likelihoodLabels.length;
  const I = impactLabels.length;
  const map = () => Array.from({ length: L }, () => Array.from({ length: I }, () => 0));
  const inherent = map();
  const residual = map();
  const place = (m: number[][], l: number | null, i: number | null) => {
    const row = l !== null ? m[l - 1] : undefined;
    if (row && i !== null && i >= 1 && i <= I) row[i - 1] = (row[i - 1] ?? 0) + 1;
  };
  for (const r of all) {
    place(inherent, r.likelihood, r.impact);
    place(residual, r.residualLikelihood ?? r.likelihood, r.residualImpact ?? r.impact);
  }
  const current = (r: Risk) => r.residualScore ?? r.inherentScore;
  const ordered = [...all]
    .sort(
      (a, b) =>
        current(b) - current(a) ||
        bandIndex(bands, b.inherentBand) - bandIndex(bands, a.inherentBand) ||
        b.inherentScore - a.inherentScore,
    )
    .slice(0, listAll ? all.length : TOP_RISKS);
  return {
    summary,
    expected: {
      total: all.length,
      staleCount: all.filter((r) => r.criteriaVersion !== version).length,
      inherent,
      residual,
      byBand: bands.map((b) => ({
        band: b.name,
        inherent: all.filter((r) => r.inherentBand === b.name).length,
        residual: all.filter((r) => (r.residualBand ?? r.inherentBand) === b.name).length,
      })),
      byStatus: riskStatuses
        .map((s) => ({
          status: riskStatusLabels[s],
          count: all.filter((r) => r.status === s).length,
        }))
        .filter((x) => x.count > 0),
      listed: ordered.map((r) => r.ref),
    },
  };
}

describe('the report’s risk summary', () => {
  it('counts what the whole register counted in memory, and lists the same highest-rated risks in order', () => {
    const all = listRisks(core.ctx, engagementId);
    expect(all.length).toBe(40 + TOP_RISKS + 30);
    const { summary, expected } = inMemory(all, false);
    expect(expected.staleCount).toBe(40);
    expect({
      total: summary.total,
      staleCount: summary.staleCount,
      inherent: summary.inherent.counts,
      residual: summary.residual.counts,
      byBand: summary.byBand,
      byStatus: summary.byStatus,
      listed: summary.listed.map((r) => r.ref),
    }).toEqual(expected);
    expect(summary.listed).toHaveLength(TOP_RISKS);
    expect(summary.listedAll).toBe(false);
  });

  it('lists every risk of the register report when it holds no more than the most it prints', () => {
    const all = listRisks(core.ctx, engagementId);
    const { summary } = inMemory(all, true);
    expect(summary.listed.map((r) => r.ref)).toEqual(all.map((r) => r.ref));
    expect(summary.listedAll).toBe(true);
  });
});
