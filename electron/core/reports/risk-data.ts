import { riskStatusLabels, treatmentLabels } from '../../../shared/domain/risks';
import type { Risk } from '../../../shared/contracts/risks';
import { bandFor, bandIndex, riskScore } from '../../../shared/rules/risk-levels';
import type { CoreContext } from '../context';
import { listImpactAssessments } from '../impact-assessments';
import { listAiSystems } from '../ai-systems';
import { currentCriteria, listRisks } from '../risks';
import { aiRoleLabels } from '../../../shared/domain/ai-roles';
import {
  dataCategoryLabels,
  impactAreaLabels,
  lifecycleStageLabels,
} from '../../../shared/domain/risks';
import type { HeatMap, ReportData, ReportRisk } from './types';

/** How many of the highest-rated risks the full report lists. */
export const TOP_RISKS = 25;
/**
 * The most the register report prints, highest-rated first (about 60 pages). Layout time grows
 * with rows: 10,000 rows took minutes and gigabytes; the spreadsheet export holds every risk.
 */
export const MAX_REGISTER_ROWS = 1000;

function emptyMap(likelihoods: number, impacts: number, bands: string[][]): HeatMap {
  return {
    counts: Array.from({ length: likelihoods }, () => Array.from({ length: impacts }, () => 0)),
    bands,
  };
}

function level(score: number | null, band: string | null): string {
  return score === null ? '—' : `${score} ${band ?? ''}`.trim();
}

function toLine(r: Risk): ReportRisk {
  return {
    ref: r.ref,
    title: r.title,
    systems: r.aiSystemNames,
    source: r.riskSource,
    inherent: level(r.inherentScore, r.inherentBand),
    residual: level(r.residualScore, r.residualBand),
    treatment: r.treatmentOption ? treatmentLabels[r.treatmentOption] : '—',
    controls: r.controlRefs,
    owner: r.owner,
    status: riskStatusLabels[r.status],
  };
}

/** The register summary with heat maps counted under the engagement's current criteria. */
export function riskSummary(
  ctx: CoreContext,
  engagementId: string,
  listAll: boolean,
): ReportData['risks'] {
  const { rules, version } = currentCriteria(ctx, engagementId);
  const risks = listRisks(ctx, engagementId);
  const L = rules.likelihoodLevels;
  const I = rules.impactLevels;
  const cellBands = Array.from({ length: L }, (_, l) =>
    Array.from({ length: I }, (_, i) => bandFor(rules.bands, riskScore(l + 1, i + 1))),
  );
  const inherent = emptyMap(L, I, cellBands);
  const residual = emptyMap(L, I, cellBands);
  const byBand = new Map(rules.bands.map((b) => [b.name, { inherent: 0, residual: 0 }]));
  const byStatus = new Map<string, number>();
  let stale = 0;
  const place = (map: HeatMap, l: number | null, i: number | null) => {
    // A risk rated under an older, larger matrix may fall outside this one; it is counted as stale.
    const row = l !== null ? map.counts[l - 1] : undefined;
    if (row && i !== null && i >= 1 && i <= I) row[i - 1] = (row[i - 1] ?? 0) + 1;
  };
  for (const r of risks) {
    if (r.criteriaVersion !== version) stale += 1;
    place(inherent, r.likelihood, r.impact);
    place(residual, r.residualLikelihood ?? r.likelihood, r.residualImpact ?? r.impact);
    const ib = byBand.get(r.inherentBand);
    if (ib) ib.inherent += 1;
    const rb = byBand.get(r.residualBand ?? r.inherentBand);
    if (rb) rb.residual += 1;
    const status = riskStatusLabels[r.status];
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }
  const current = (r: Risk) => r.residualScore ?? r.inherentScore;
  const ordered =
    listAll && risks.length <= MAX_REGISTER_ROWS
      ? risks
      : [...risks]
          .sort(
            (a, b) =>
              current(b) - current(a) ||
              bandIndex(rules.bands, b.inherentBand) - bandIndex(rules.bands, a.inherentBand) ||
              b.inherentScore - a.inherentScore,
          )
          .slice(0, listAll ? MAX_REGISTER_ROWS : TOP_RISKS);
  return {
    total: risks.length,
    criteria: {
      likelihoodLabels: rules.likelihoodLabels,
      impactLabels: rules.impactLabels,
      bands: rules.bands,
      acceptanceThreshold: rules.acceptanceThreshold,
      version,
    },
    staleCount: stale,
    byBand: rules.bands.map((b) => ({
      band: b.name,
      ...(byBand.get(b.name) ?? { inherent: 0, residual: 0 }),
    })),
    byStatus: [...byStatus.entries()].map(([status, count]) => ({ status, count })),
    inherent,
    residual,
    listed: ordered.map(toLine),
    listedAll: ordered.length === risks.length,
  };
}

export function aiSystemsOf(ctx: CoreContext, engagementId: string): ReportData['aiSystems'] {
  return listAiSystems(ctx, engagementId).map((s) => ({
    name: s.name,
    purpose: s.purpose,
    orgRole: aiRoleLabels[s.orgRole],
    lifecycleStage: lifecycleStageLabels[s.lifecycleStage],
    modelType: s.modelType,
    dataCategories: s.dataCategories.map((c) => dataCategoryLabels[c]),
    owner: s.owner,
    riskCount: s.riskCount,
  }));
}

export function impactAssessmentsOf(
  ctx: CoreContext,
  engagementId: string,
): ReportData['impactAssessments'] {
  return listImpactAssessments(ctx, { engagementId }).map((a) => ({
    aiSystem: a.aiSystemName,
    affected: a.affected.map((x) => `${x.who} (${x.kind})`),
    areas: a.impactAreas.map((x) => impactAreaLabels[x.area]),
    severity: a.severity,
    likelihood: a.likelihood,
    measuresInPlace: a.measuresInPlace,
    measuresPlanned: a.measuresPlanned,
    reviewer: a.reviewer,
    reviewedOn: a.reviewedOn,
    outcome: a.outcome,
    risks: a.riskRefs,
  }));
}
