/**
 * Readiness scoring — pure rules, documented here and in the README ("Readiness scoring").
 *
 * 1. Points per in-scope assessable requirement: conformant 1, partially conformant 0.5,
 *    nonconformant 0, not assessed 0 (no evidence of conformity is not conformity).
 * 2. "Not applicable" (always justified) and Annex A controls excluded in the Statement of
 *    Applicability leave the denominator. Clauses 4–10 are mandatory: a clause marked not
 *    applicable also leaves the denominator but blocks the verdict "ready".
 * 3. A section's score is its points over its applicable requirements. The clause score covers
 *    clauses 4–10, the control score the applicable Annex A controls; overall = 60 % clauses +
 *    40 % controls (the clauses are what certification audits; controls are selected by the
 *    organisation). If one side has nothing applicable, the other alone is the overall score.
 * 4. Verdict, first match wins:
 *    - not ready: any open (open or in progress) major nonconformity against clauses 4–10, or an
 *      overall score below 60 %;
 *    - incomplete: some in-scope requirement is not assessed yet;
 *    - ready: overall at least 85 %, no open major nonconformity at all, and no clause requirement
 *      nonconformant or marked not applicable;
 *    - nearly ready: everything else.
 */
import type { FindingGrade, FindingStatus, Result } from '../domain/assessment';
import { areaOf, compareRefs, isAnnexA } from './scope';

export const CLAUSE_WEIGHT = 0.6;
export const CONTROL_WEIGHT = 0.4;
export const NOT_READY_BELOW = 0.6;
export const READY_FROM = 0.85;

export const points: Record<Result, number | null> = {
  conformant: 1,
  'partially-conformant': 0.5,
  nonconformant: 0,
  'not-assessed': 0,
  'not-applicable': null,
};

export interface ScoringInput {
  /** In-scope assessable requirements. */
  requirements: { ref: string }[];
  responses: Record<string, Result | undefined>;
  findings: { ref: string; grade: FindingGrade; status: FindingStatus }[];
  /** Annex A controls the SoA records as excluded. */
  soaExcluded: string[];
  areaTitles?: Record<string, string>;
}

export type Verdict = 'ready' | 'nearly-ready' | 'incomplete' | 'not-ready';

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

export interface Readiness {
  overall: { score: number | null; coverage: number };
  clauses: Tally;
  controls: Tally;
  sections: SectionScore[];
  verdict: Verdict;
  reasons: string[];
  findings: Record<FindingGrade, { open: number; closed: number }>;
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

const isOpen = (status: FindingStatus) => status !== 'closed';

export function computeReadiness(input: ScoringInput): Readiness {
  const clauses = emptyTally();
  const controls = emptyTally();
  const sections = new Map<string, SectionScore>();
  const excluded = new Set(input.soaExcluded);
  const clauseNa: string[] = [];
  const clauseNc: string[] = [];

  for (const { ref } of input.requirements) {
    const result = input.responses[ref] ?? 'not-assessed';
    const annex = isAnnexA(ref);
    const isExcluded = annex && excluded.has(ref);
    add(annex ? controls : clauses, result, isExcluded);
    const area = areaOf(ref);
    let section = sections.get(area);
    if (!section) {
      section = { ...emptyTally(), area, title: input.areaTitles?.[area] ?? area };
      sections.set(area, section);
    }
    add(section, result, isExcluded);
    if (!annex && result === 'not-applicable') clauseNa.push(ref);
    if (!annex && result === 'nonconformant') clauseNc.push(ref);
  }
  finish(clauses);
  finish(controls);
  const sectionList = [...sections.values()]
    .map((s) => finish(s) as SectionScore)
    .sort((a, b) => compareRefs(a.area, b.area));

  let overall: number | null = null;
  if (clauses.score !== null && controls.score !== null) {
    overall = CLAUSE_WEIGHT * clauses.score + CONTROL_WEIGHT * controls.score;
  } else {
    overall = clauses.score ?? controls.score;
  }
  const total = clauses.total + controls.total;
  const assessed = clauses.assessed + controls.assessed;
  const coverage = total > 0 ? assessed / total : 0;

  const findings = {
    major: { open: 0, closed: 0 },
    minor: { open: 0, closed: 0 },
    observation: { open: 0, closed: 0 },
    improvement: { open: 0, closed: 0 },
  };
  for (const f of input.findings) findings[f.grade][isOpen(f.status) ? 'open' : 'closed'] += 1;
  const openMajorClauses = input.findings.filter(
    (f) => f.grade === 'major' && isOpen(f.status) && !isAnnexA(f.ref),
  );
  const openMajorAny = input.findings.filter((f) => f.grade === 'major' && isOpen(f.status));

  const reasons: string[] = [];
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  let verdict: Verdict;
  if (openMajorClauses.length > 0 || overall === null || overall < NOT_READY_BELOW) {
    verdict = 'not-ready';
    if (openMajorClauses.length > 0) {
      const refs = [...new Set(openMajorClauses.map((f) => f.ref))].sort(compareRefs).join(', ');
      reasons.push(`Open major nonconformity against clause ${refs}.`);
    }
    if (overall === null) reasons.push('Nothing applicable has been assessed yet.');
    else if (overall < NOT_READY_BELOW)
      reasons.push(`Overall score ${pct(overall)} is below ${pct(NOT_READY_BELOW)}.`);
  } else if (coverage < 1) {
    verdict = 'incomplete';
    reasons.push(`${total - assessed} of ${total} requirements in scope are not assessed yet.`);
  } else if (
    overall >= READY_FROM &&
    openMajorAny.length === 0 &&
    clauseNa.length === 0 &&
    clauseNc.length === 0
  ) {
    verdict = 'ready';
    reasons.push(
      `Overall score ${pct(overall)}, no open major nonconformity, every clause requirement met at least in part.`,
    );
  } else {
    verdict = 'nearly-ready';
    if (overall < READY_FROM)
      reasons.push(`Overall score ${pct(overall)} is below ${pct(READY_FROM)}.`);
    if (openMajorAny.length > 0)
      reasons.push(`${openMajorAny.length} open major nonconformity against Annex A controls.`);
    if (clauseNc.length > 0)
      reasons.push(`Clause requirements nonconformant: ${clauseNc.sort(compareRefs).join(', ')}.`);
  }
  if (clauseNa.length > 0) {
    reasons.push(
      `Clauses 4–10 are mandatory, yet ${clauseNa.sort(compareRefs).join(', ')} marked not applicable.`,
    );
  }
  return {
    overall: { score: overall, coverage },
    clauses,
    controls,
    sections: sectionList,
    verdict,
    reasons,
    findings,
  };
}

export const verdictLabels: Record<Verdict, string> = {
  ready: 'Ready for certification audit',
  'nearly-ready': 'Nearly ready',
  incomplete: 'Assessment incomplete',
  'not-ready': 'Not ready',
};
