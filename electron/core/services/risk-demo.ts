import { FRAMEWORK_42001 } from '../../../shared/domain/risks';
import { riskStatuses, type RiskStatus } from '../../../shared/domain/risks';
import { defaultCriteria } from '../../../shared/rules/risk-levels';
import { inTransaction, type CoreContext } from '../context';
import { createAiSystem } from './ai-systems';
import { createImpactAssessment } from './impact-assessments';
import { currentCriteria, saveRiskCriteria } from './risk-criteria';
import { demoOwners, demoRisks, demoSystems, type DemoRisk } from './risk-demo-data';
import { loadRiskLookups } from './risk-lookups';
import { formatRef, insertRisk, nextRefNumber, type RiskFields } from './risk-write';

export interface RiskDemoOptions {
  engagementId: string;
  size: 'small' | 'large';
  /** A seeded generator in [0, 1): the same sequence gives the same demo. */
  rng: () => number;
}

const LARGE_COUNT = 10_000;
const pick = <T>(rng: () => number, list: readonly T[]): T =>
  list[Math.floor(rng() * list.length) % list.length] as T;

function dueDate(rng: () => number): string {
  const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(rng() * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function fieldsFor(
  risk: DemoRisk,
  systemIds: Map<string, string>,
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
export function seedRiskDemo(ctx: CoreContext, options: RiskDemoOptions): { risks: number } {
  const { engagementId, rng } = options;
  const systemIds = new Map<string, string>();
  for (const { key, ...system } of demoSystems) {
    const created = createAiSystem(ctx, {
      engagementId,
      ...system,
      dataCategories: [...system.dataCategories],
      affectedParties: [...system.affectedParties],
      thirdParties: [...system.thirdParties],
    });
    systemIds.set(key, created.id);
  }
  saveRiskCriteria(ctx, { engagementId, ...defaultCriteria });
  const statuses: RiskStatus[] = ['open', 'in-treatment', 'in-treatment', 'treated', 'open'];
  const now = ctx.now();
  const count = inTransaction(ctx, () => {
    const lookups = loadRiskLookups(ctx, engagementId);
    const criteria = currentCriteria(ctx, engagementId);
    let n = nextRefNumber(ctx, engagementId);
    for (const risk of demoRisks) {
      const fields = fieldsFor(risk, systemIds, pick(rng, statuses), dueDate(rng));
      insertRisk(ctx, now, lookups, criteria, fields, formatRef(n++));
    }
    if (options.size === 'large') {
      for (let k = 0; k < LARGE_COUNT - demoRisks.length; k += 1) {
        const base = pick(rng, demoRisks);
        const variant = {
          l: 1 + Math.floor(rng() * 5),
          i: 1 + Math.floor(rng() * 5),
          owner: pick(rng, demoOwners),
          suffix: `case ${k + 1}`,
        };
        const status = pick(
          rng,
          riskStatuses.filter((s) => s !== 'accepted'),
        );
        insertRisk(
          ctx,
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
  seedImpactAssessments(ctx, engagementId, systemIds);
  return { risks: count };
}

function seedImpactAssessments(
  ctx: CoreContext,
  engagementId: string,
  systemIds: Map<string, string>,
) {
  const riskIdsOf = (systemId: string) =>
    (
      ctx.store.sqlite
        .prepare(
          `SELECT x.risk_id AS id FROM risk_ai_systems x JOIN risks r ON r.id = x.risk_id
           WHERE x.ai_system_id = ? AND r.engagement_id = ? ORDER BY length(r.ref), r.ref LIMIT 5`,
        )
        .all(systemId, engagementId) as { id: string }[]
    ).map((r) => r.id);
  const plans = [
    {
      key: 'credit',
      affected: [
        {
          kind: 'individuals' as const,
          who: 'Loan applicants, including thin-file and younger applicants',
        },
        { kind: 'groups' as const, who: 'Applicants from areas with lower average incomes' },
      ],
      impactAreas: [
        {
          area: 'fairness' as const,
          notes: 'Approval rates differ by postcode; proxy discrimination possible.',
        },
        {
          area: 'transparency' as const,
          notes: 'Declined applicants need reasons they can act on.',
        },
        { area: 'privacy' as const, notes: 'Bureau data is used within the lending purpose only.' },
      ],
      severity: 4,
      likelihood: 3,
      measuresInPlace: 'Underwriter review of referrals; annual model validation.',
      measuresPlanned: 'Quarterly disparity testing; reason codes for every decline.',
      outcome: 'Acceptable with the planned measures in place by Q3.',
    },
    {
      key: 'chatbot',
      affected: [
        { kind: 'individuals' as const, who: 'Retail customers using the app chat' },
        { kind: 'groups' as const, who: 'Customers in vulnerable circumstances' },
      ],
      impactAreas: [
        {
          area: 'privacy' as const,
          notes: 'Transcripts contain personal and payment data sent to a provider.',
        },
        {
          area: 'safety' as const,
          notes: 'Wrong guidance on payments could cause financial harm.',
        },
        {
          area: 'transparency' as const,
          notes: 'Customers must know they are chatting with software.',
        },
      ],
      severity: 3,
      likelihood: 4,
      measuresInPlace: 'Hand-over to agents; answers limited to product documents.',
      measuresPlanned: 'Masking of card numbers; zero-retention contract with the provider.',
      outcome: 'Go-live approved on condition masking is in place first.',
    },
    {
      key: 'cv',
      affected: [
        { kind: 'individuals' as const, who: 'Job applicants' },
        {
          kind: 'groups' as const,
          who: 'Women returning to work, disabled applicants, older applicants',
        },
        { kind: 'society' as const, who: 'Local labour market and diversity of the workforce' },
      ],
      impactAreas: [
        {
          area: 'fairness' as const,
          notes: 'Career-gap penalty may cause indirect discrimination.',
        },
        {
          area: 'human-rights' as const,
          notes: 'Right to work and non-discrimination in employment.',
        },
        { area: 'accountability' as const, notes: 'Recruiters must own every rejection decision.' },
      ],
      severity: 4,
      likelihood: 3,
      measuresInPlace: 'Recruiter reviews rejections.',
      measuresPlanned: 'Adverse-impact testing before go-live; vendor audit report yearly.',
      outcome: 'Not yet acceptable: go-live postponed until bias testing is done.',
    },
  ];
  for (const plan of plans) {
    const aiSystemId = systemIds.get(plan.key);
    if (!aiSystemId) continue;
    const { key: _key, ...fields } = plan;
    createImpactAssessment(ctx, {
      aiSystemId,
      ...fields,
      reviewer: 'Chief Risk Officer',
      reviewedOn: '2026-03-15',
      riskIds: riskIdsOf(aiSystemId),
    });
  }
}
