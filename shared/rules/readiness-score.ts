/**
 * Readiness scores — how far an assessment has come, as numbers. The score informs; the verdict
 * is decided by the gates (gates/) and the stage rules (stages.ts), see readiness.ts.
 *
 * 1. Points per in-scope assessable requirement: conformant 1, partially conformant 0.5,
 *    nonconformant 0, not assessed 0 (no evidence of conformity is not conformity).
 * 2. "Not applicable" (always justified) and Annex A controls excluded in the Statement of
 *    Applicability leave the denominator.
 * 3. A section's score is its points over its applicable requirements. The clause score covers
 *    clauses 4–10, the control score the applicable Annex A controls; overall = 60 % clauses +
 *    40 % controls (the clauses are what certification audits; controls are selected by the
 *    organisation). If one side has nothing applicable, the other alone is the overall score.
 */
import type { FindingGrade, FindingStatus, Result } from '../domain/assessment';
import { areaOf, compareRefs, isAnnexA } from './scope';

export const CLAUSE_WEIGHT = 0.6;
export const CONTROL_WEIGHT = 0.4;

export const points: Record<Result, number | null> = {
  conformant: 1,
  'partially-conformant': 0.5,
  nonconformant: 0,
  'not-assessed': 0,
  'not-applicable': null,
};

export interface Tally {
  score: number | null;
  points: number;
  applicable: number;
  assessed: number;
  total: number;
  counts: Record<Result, number>;
}

export interface SectionScore extends Tally {
  area: string;
  title: string;
}

export interface Scores {
  overall: { score: number | null; coverage: number };
  clauses: Tally;
  controls: Tally;
  sections: SectionScore[];
  findings: Record<FindingGrade, { open: number; closed: number }>;
}

export interface ScoringFacts {
  /** In-scope assessable requirements. */
  requirements: readonly { ref: string }[];
  responses: Readonly<Record<string, Result | undefined>>;
  findings: readonly { grade: FindingGrade; status: FindingStatus }[];
  /** Annex A controls the SoA records as excluded. */
  soaExcluded: ReadonlySet<string>;
  areaTitles?: Readonly<Record<string, string>>;
}

function emptyTally(): Tally {
  return {
    score: null,
    points: 0,
    applicable: 0,
    assessed: 0,
    total: 0,
    counts: {
      conformant: 0,
      'partially-conformant': 0,
      nonconformant: 0,
      'not-applicable': 0,
      'not-assessed': 0,
    },
  };
}

function add(tally: Tally, result: Result, excluded: boolean): void {
  tally.total += 1;
  tally.counts[result] += 1;
  if (result !== 'not-assessed') tally.assessed += 1;
  const p = points[result];
  if (p === null || excluded) return;
  tally.applicable += 1;
  tally.points += p;
}

function finish(tally: Tally): Tally {
  tally.score = tally.applicable > 0 ? tally.points / tally.applicable : null;
  return tally;
}

export const isOpenFinding = (status: FindingStatus) => status !== 'closed';

export function computeScores(facts: ScoringFacts): Scores {
  const clauses = emptyTally();
  const controls = emptyTally();
  const sections = new Map<string, SectionScore>();

  for (const { ref } of facts.requirements) {
    const result = facts.responses[ref] ?? 'not-assessed';
    const annex = isAnnexA(ref);
    const isExcluded = annex && facts.soaExcluded.has(ref);
    add(annex ? controls : clauses, result, isExcluded);
    const area = areaOf(ref);
    let section = sections.get(area);
    if (!section) {
      section = { ...emptyTally(), area, title: facts.areaTitles?.[area] ?? area };
      sections.set(area, section);
    }
    add(section, result, isExcluded);
  }
  finish(clauses);
  finish(controls);
  const sectionList = [...sections.values()]
    .map((s) => finish(s) as SectionScore)
    .sort((a, b) => compareRefs(a.area, b.area));

  let overall: number | null;
  if (clauses.score !== null && controls.score !== null) {
    overall = CLAUSE_WEIGHT * clauses.score + CONTROL_WEIGHT * controls.score;
  } else {
    overall = clauses.score ?? controls.score;
  }
  const total = clauses.total + controls.total;
  const assessed = clauses.assessed + controls.assessed;

  const findings = {
    major: { open: 0, closed: 0 },
    minor: { open: 0, closed: 0 },
    observation: { open: 0, closed: 0 },
    improvement: { open: 0, closed: 0 },
  };
  for (const f of facts.findings)
    findings[f.grade][isOpenFinding(f.status) ? 'open' : 'closed'] += 1;

  return {
    overall: { score: overall, coverage: total > 0 ? assessed / total : 0 },
    clauses,
    controls,
    sections: sectionList,
    findings,
  };
}
