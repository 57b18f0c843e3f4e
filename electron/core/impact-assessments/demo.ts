import { asc, and, eq, sql } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { createImpactAssessment } from './assessments';

const { riskAiSystems, risks } = schema;

/** The first five risks (in register order) of a system: the ones its assessment names. */
function riskIdsOf(ctx: CoreContext, engagementId: string, aiSystemId: string): string[] {
  return ctx.store.db
    .select({ id: riskAiSystems.riskId })
    .from(riskAiSystems)
    .innerJoin(risks, eq(risks.id, riskAiSystems.riskId))
    .where(and(eq(riskAiSystems.aiSystemId, aiSystemId), eq(risks.engagementId, engagementId)))
    .orderBy(asc(sql`length(${risks.ref})`), asc(risks.ref))
    .limit(5)
    .all()
    .map((r) => r.id);
}

/**
 * The demo's impact assessments, one for each of the client's systems, naming the system's
 * first risks; `systemIds` maps the demo's system keys to the engagement's systems. Seeded after
 * the risks (see the risks room's demo).
 */
export function seedImpactAssessmentDemo(
  ctx: CoreContext,
  engagementId: string,
  systemIds: ReadonlyMap<string, string>,
): void {
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
      riskIds: riskIdsOf(ctx, engagementId, aiSystemId),
    });
  }
}
