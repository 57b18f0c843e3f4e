import type {
  EuAiActView,
  ObligationView,
  ScopedSystem,
  SupportingRequirement,
} from '../../../shared/contracts/eu-ai-act';
import type { Result } from '../../../shared/domain/assessment';
import { applicableObligations, scopingGap } from '../../../shared/rules/eu-ai-act-obligations';
import { inScope } from '../../../shared/rules/scope';
import type { CrosswalkRow } from '../../../shared/crosswalk/format';
import type { CoreContext } from '../context';
import { getAssessment } from '../assessments';
import { getCatalog, requirementIndex } from '../catalog';
import { rowsFrom42001 } from '../crosswalks';
import { listResponses } from '../responses';
import { listAiSystems } from '../ai-systems';
import { relationRank, confidenceRank } from '../../../shared/crosswalk/format';

export const EU_AI_ACT = 'eu-ai-act-2024-1689';

const strongerFirst = (a: CrosswalkRow, b: CrosswalkRow) =>
  relationRank[a.relation] - relationRank[b.relation] ||
  confidenceRank[a.confidence] - confidenceRank[b.confidence];

/**
 * The EU AI Act view of an assessment: its engagement's AI systems with their scoping, and the
 * obligations they give rise to, each with the 42001 requirements our crosswalk relates to it and
 * the assessment's result there. The requirements are looked up by ref in the assessment's own
 * framework, so a consultant's copy of the 42001 catalog works too.
 */
export function euAiActView(ctx: CoreContext, assessmentId: string): EuAiActView {
  const assessment = getAssessment(ctx, assessmentId);
  const systems: ScopedSystem[] = listAiSystems(ctx, assessment.engagementId).map((s) => {
    const scoping = {
      roles: s.euAiActRoles,
      riskClass: s.euAiActRiskClass,
      annexIiiPoint: s.euAiActAnnexIiiPoint,
    };
    return { id: s.id, name: s.name, ...scoping, gap: scopingGap(scoping) };
  });
  const index = requirementIndex(ctx, assessment.frameworkId);
  const byRef = new Map(index.assessable.map((r) => [r.ref, r]));
  const results = new Map(listResponses(ctx, assessmentId).map((r) => [r.requirementId, r.result]));
  const articleTitles = new Map(
    getCatalog(ctx, EU_AI_ACT).requirements.map((r) => [r.ref, r.title]),
  );
  const related = rowsFrom42001(ctx, EU_AI_ACT, 'to');

  const obligations: ObligationView[] = applicableObligations(
    systems.filter((s) => s.gap === null),
  ).map(({ obligation, systems: hit }) => {
    const best = new Map<string, CrosswalkRow>();
    for (const row of obligation.articles.flatMap((a) => related.get(a) ?? []).sort(strongerFirst))
      if (!best.has(row.from)) best.set(row.from, row);
    const supporting: SupportingRequirement[] = [...best.values()].map((row) => {
      const requirement = byRef.get(row.from);
      const result: Result = (requirement && results.get(requirement.id)) || 'not-assessed';
      return {
        requirementId: requirement?.id ?? null,
        ref: row.from,
        title: requirement?.title ?? row.from,
        article: row.to,
        relation: row.relation,
        confidence: row.confidence,
        rationale: row.rationale,
        result,
        inScope: requirement !== undefined && inScope(row.from, assessment.excludedAreas),
      };
    });
    return {
      id: obligation.id,
      title: obligation.title,
      summary: obligation.summary,
      articles: obligation.articles.map((ref) => ({ ref, title: articleTitles.get(ref) ?? ref })),
      coverage: obligation.coverage,
      beyond42001: obligation.beyond42001,
      systems: hit.map((s) => ({ id: s.id, name: s.name, condition: s.condition ?? null })),
      supporting,
    };
  });
  return { assessmentId, engagementId: assessment.engagementId, systems, obligations };
}
