import { FRAMEWORK_42001 } from '../../../shared/domain/risks';
import { riskStatuses, type RiskStatus } from '../../../shared/domain/risks';
import { defaultCriteria } from '../../../shared/rules/risk-levels';
import { seedAiSystemDemo } from '../ai-systems';
import { inTransaction, type CoreContext } from '../context';
import { seedImpactAssessmentDemo } from '../impact-assessments';
import { currentCriteria, saveRiskCriteria } from './criteria';
import { demoOwners, demoRisks, type DemoRisk } from './demo-data';
import { loadRiskLookups } from './lookups';
import { formatRef, insertRisk, nextRefNumber, riskWriter, type RiskFields } from './write';

/** Pick one of `items` with one draw of the demo's generator. */
export type DemoPick = <T>(items: readonly T[]) => T;

/** What the demo orchestrator tells this room's seed (a part of its DemoScope). */
export interface RiskDemoScope {
  engagementId: string;
  /** large: the 10,000-risk register (benchmarks); small: the client's 25 risks. */
  size: 'small' | 'large';
  /** A seeded generator in [0, 1): the same sequence gives the same demo. */
  rng: () => number;
  pick?: DemoPick;
}

const LARGE_COUNT = 10_000;

function dueDate(rng: () => number): string {
  const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(rng() * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function fieldsFor(
  risk: DemoRisk,
  systemIds: ReadonlyMap<string, string>,
  status: RiskStatus,
  due: string,
  variant?: { l: number; i: number; owner: string; suffix: string },
): RiskFields {
  const l = variant?.l ?? risk.l;
  const i = variant?.i ?? risk.i;
  return {
    title: variant ? `${risk.title} (${variant.suffix})` : risk.title,
    description: risk.description,
    aiSystemIds: risk.systems.map((k) => systemIds.get(k) ?? ''),
    riskSource: risk.source,
    objectives: risk.objectives,
    likelihood: l,
    impact: i,
    treatmentOption: risk.treatment,
    treatmentPlan: risk.plan,
    controlIds: risk.controls.map((ref) => `${FRAMEWORK_42001}:${ref}`),
    residualLikelihood: Math.min(risk.rl, l),
    residualImpact: Math.min(risk.ri, i),
    owner: variant?.owner ?? risk.owner,
    dueDate: due,
    status,
  };
}

/**
 * Seeds AI systems, criteria, risks and impact assessments for the demo. Small: a plausible
 * lender with three systems and 25 risks. Large: the same plus 10,000 varied risks, in one
 * transaction so it takes seconds, not minutes.
 */
export function seedRiskDemo(ctx: CoreContext, options: RiskDemoScope): { risks: number } {
  const { engagementId, rng } = options;
  // The orchestrator passes its pick; tools and tests that give only rng draw the same way.
  const pick: DemoPick = options.pick ?? ((items) => items[Math.floor(rng() * items.length)]!);
  const systemIds = seedAiSystemDemo(ctx, engagementId);
  saveRiskCriteria(ctx, { engagementId, ...defaultCriteria });
  const statuses: RiskStatus[] = ['open', 'in-treatment', 'in-treatment', 'treated', 'open'];
  const now = ctx.now();
  const count = inTransaction(ctx, () => {
    const lookups = loadRiskLookups(ctx, engagementId);
    const criteria = currentCriteria(ctx, engagementId);
    let n = nextRefNumber(ctx, engagementId);
    const writer = riskWriter(ctx);
    for (const risk of demoRisks) {
      const fields = fieldsFor(risk, systemIds, pick(statuses), dueDate(rng));
      insertRisk(ctx, writer, now, lookups, criteria, fields, formatRef(n++));
    }
    if (options.size === 'large') {
      for (let k = 0; k < LARGE_COUNT - demoRisks.length; k += 1) {
        const base = pick(demoRisks);
        const variant = {
          l: 1 + Math.floor(rng() * 5),
          i: 1 + Math.floor(rng() * 5),
          owner: pick(demoOwners),
          suffix: `case ${k + 1}`,
        };
        const status = pick(riskStatuses.filter((s) => s !== 'accepted'));
        insertRisk(
          ctx,
          writer,
          now,
          lookups,
          criteria,
          fieldsFor(base, systemIds, status, dueDate(rng), variant),
          formatRef(n++),
        );
      }
    }
    return n - 1;
  });
  seedImpactAssessmentDemo(ctx, engagementId, systemIds);
  return { risks: count };
}
