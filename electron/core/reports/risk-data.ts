import { asc, count, desc, eq, sql } from 'drizzle-orm';
import {
  riskStatuses,
  riskStatusLabels,
  treatmentLabels,
  type RiskStatus,
} from '../../../shared/domain/risks';
import type { Risk } from '../../../shared/contracts/risks';
import { bandFor, riskScore } from '../../../shared/rules/risk-levels';
import type { CoreContext } from '../context';
import { listImpactAssessments } from '../impact-assessments';
import { listAiSystems } from '../ai-systems';
import { currentCriteria, listRisks, risksByIds } from '../risks';
import { schema } from '../db';
import { aiRoleLabels } from '../../../shared/domain/ai-roles';
import {
  dataCategoryLabels,
  impactAreaLabels,
  lifecycleStageLabels,
} from '../../../shared/domain/risks';
import type { HeatMap, ReportData, ReportRisk } from './types';

/** How many of the highest-rated risks the full report lists. */
export const TOP_RISKS = 100;
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

const { risks: riskTable } = schema;

/**
 * The ids of the highest-rated risks: current (residual, else inherent) score, then the inherent
 * band, then the inherent score, then register order — sorted by SQLite, so a 10,000-risk
 * register is never loaded to print its first hundred.
 */
function highestRated(
  ctx: CoreContext,
  engagementId: string,
  bands: { name: string }[],
  limit: number,
): string[] {
  const bandRank = sql.join(
    [
      sql`CASE ${riskTable.inherentBand}`,
      ...bands.map((b, i) => sql`WHEN ${b.name} THEN ${i}`),
      sql`ELSE -1 END`,
    ],
    sql` `,
  );
  return ctx.store.db
    .select({ id: riskTable.id })
    .from(riskTable)
    .where(eq(riskTable.engagementId, engagementId))
    .orderBy(
      desc(sql`coalesce(${riskTable.residualScore}, ${riskTable.inherentScore})`),
      desc(bandRank),
      desc(riskTable.inherentScore),
      asc(sql`length(${riskTable.ref})`),
      asc(riskTable.ref),
    )
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/**
 * The register summary with heat maps counted under the engagement's current criteria: the
 * counts come from SQLite's GROUP BY, and only the risks listed are read whole.
 */
export function riskSummary(
  ctx: CoreContext,
  engagementId: string,
  listAll: boolean,
): ReportData['risks'] {
  const { rules, version } = currentCriteria(ctx, engagementId);
  const L = rules.likelihoodLevels;
  const I = rules.impactLevels;
  const cellBands = Array.from({ length: L }, (_, l) =>
    Array.from({ length: I }, (_, i) => bandFor(rules.bands, riskScore(l + 1, i + 1))),
  );
  const inherent = emptyMap(L, I, cellBands);
  const residual = emptyMap(L, I, cellBands);
  const place = (map: HeatMap, l: number | null, i: number | null, n: number) => {
    // A risk rated under an older, larger matrix may fall outside this one; it is counted as stale.
    const row = l !== null ? map.counts[l - 1] : undefined;
    if (row && i !== null && i >= 1 && i <= I) row[i - 1] = (row[i - 1] ?? 0) + n;
  };
  const residualBand = sql<string>`coalesce(${riskTable.residualBand}, ${riskTable.inherentBand})`;
  const cellColumns = {
    l: riskTable.likelihood,
    i: riskTable.impact,
    rl: sql<number>`coalesce(${riskTable.residualLikelihood}, ${riskTable.likelihood})`,
    ri: sql<number>`coalesce(${riskTable.residualImpact}, ${riskTable.impact})`,
    inherentBand: riskTable.inherentBand,
    residualBand,
    status: riskTable.status,
    stale: sql<number>`${riskTable.criteriaVersion} <> ${version}`,
  };
  const cells = ctx.store.db
    .select({ ...cellColumns, n: count() })
    .from(riskTable)
    .where(eq(riskTable.engagementId, engagementId))
    .groupBy(...Object.values(cellColumns))
    .all();
  const byBand = new Map(rules.bands.map((b) => [b.name, { inherent: 0, residual: 0 }]));
  const byStatus = new Map<RiskStatus, number>();
  let total = 0;
  let stale = 0;
  for (const c of cells) {
    total += c.n;
    if (c.stale) stale += c.n;
    place(inherent, c.l, c.i, c.n);
    place(residual, c.rl, c.ri, c.n);
    const ib = byBand.get(c.inherentBand);
    if (ib) ib.inherent += c.n;
    const rb = byBand.get(c.residualBand);
    if (rb) rb.residual += c.n;
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + c.n);
  }
  const listed =
    listAll && total <= MAX_REGISTER_ROWS
      ? listRisks(ctx, engagementId)
      : risksByIds(
          ctx,
          highestRated(ctx, engagementId, rules.bands, listAll ? MAX_REGISTER_ROWS : TOP_RISKS),
        );
  return {
    total,
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
    byStatus: riskStatuses.flatMap((status) => {
      const n = byStatus.get(status) ?? 0;
      return n > 0 ? [{ status: riskStatusLabels[status], count: n }] : [];
    }),
    inherent,
    residual,
    listed: listed.map(toLine),
    listedAll: listed.length === total,
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
