import type { NistCoverage } from '../../../shared/contracts/crosswalks';
import {
  coverageScore,
  emptyCounts,
  subcategoryLevel,
  type CountedResult,
  type CoverageCounts,
  type CoverageLink,
} from '../../../shared/rules/nist-coverage';
import { inScope } from '../../../shared/rules/scope';
import type { CoreContext } from '../context';
import { getAssessment } from '../assessments';
import { getCatalog, requirementIndex } from '../catalog';
import { listResponses } from '../responses';
import { rowsFrom42001 } from './load';

const NIST = 'nist-ai-rmf-1-0';

const add = (into: CoverageCounts, from: CoverageCounts) => {
  into.supported += from.supported;
  into.partly += from.partly;
  into.unsupported += from.unsupported;
  into.unmapped += from.unmapped;
};

/**
 * NIST AI RMF coverage of an assessment: each subcategory's level from the answers to the 42001
 * requirements our crosswalk relates to it (rules in shared/rules/nist-coverage.ts), counted per
 * category and function. Requirements are matched by ref in the assessment's own framework.
 */
export function nistCoverage(ctx: CoreContext, assessmentId: string): NistCoverage {
  const assessment = getAssessment(ctx, assessmentId);
  const index = requirementIndex(ctx, assessment.frameworkId);
  const byRef = new Map(index.assessable.map((r) => [r.ref, r]));
  const answers = new Map(listResponses(ctx, assessmentId).map((r) => [r.requirementId, r.result]));
  const resultOf = (ref: string): CountedResult => {
    const requirement = byRef.get(ref);
    if (!requirement || !inScope(ref, assessment.excludedAreas)) return null;
    const result = answers.get(requirement.id) ?? 'not-assessed';
    return result === 'not-applicable' ? null : result;
  };
  const links: Map<string, CoverageLink[]> = rowsFrom42001(ctx, NIST, 'to');

  const nodes = getCatalog(ctx, NIST).requirements;
  const childrenOf = (ref: string) => nodes.filter((n) => n.parentRef === ref);
  const totals = emptyCounts();
  const functions = nodes
    .filter((n) => n.kind === 'function')
    .map((fn) => {
      const fnCounts = emptyCounts();
      const categories = childrenOf(fn.ref).map((category) => {
        const counts = emptyCounts();
        const subcategories = childrenOf(category.ref).map((sub) => {
          const related = links.get(sub.ref) ?? [];
          const level = subcategoryLevel(related, resultOf);
          counts[level] += 1;
          return {
            id: sub.ref,
            title: sub.title,
            level,
            requirements: related.map((link) => ({
              ref: link.from,
              title: byRef.get(link.from)?.title ?? link.from,
              relation: link.relation,
              result: resultOf(link.from),
            })),
          };
        });
        add(fnCounts, counts);
        return {
          id: category.ref,
          title: category.title,
          counts,
          score: coverageScore(counts),
          subcategories,
        };
      });
      add(totals, fnCounts);
      return {
        id: fn.ref,
        title: fn.title,
        counts: fnCounts,
        score: coverageScore(fnCounts),
        categories,
      };
    });
  return { assessmentId, totals, score: coverageScore(totals), functions };
}
