/**
 * Readiness — pure rules, documented here, in each gate's file and in the README ("Readiness").
 *
 * 1. Scores (readiness-score.ts) say how far the assessment has come: points per requirement,
 *    clauses 60 %, controls 40 %.
 * 2. Gates (gates/) say what keeps it from certification, each with its reasons and the audit
 *    stages it would fail: no open major nonconformity; no clause or applicable control
 *    nonconformant; clause requirements met in full but for a few; every clause of 4–10 in scope
 *    and applicable; at least one control applies; the SoA decided for every control with
 *    justifications; mandatory documented information in place; an internal audit and a
 *    management review held.
 * 3. Stage verdicts and the assessment's verdict follow from the gates (stages.ts): any blocker
 *    makes it not ready; otherwise it is incomplete until everything in scope is assessed — never
 *    "not ready" for a score that only reflects what is not assessed yet.
 */
import {
  runGates,
  documentViews,
  type DocumentView,
  type GateOutcome,
  type ReadinessInput,
} from './gates';
import { computeScores, type Scores } from './readiness-score';
import { inScope } from './scope';
import {
  DOCUMENT_LINES,
  documentsLine,
  overallVerdict,
  stageVerdicts,
  type StageVerdict,
  type Verdict,
} from './stages';

export interface Readiness extends Scores {
  verdict: Verdict;
  /** Why, in plain sentences, most important first. */
  reasons: string[];
  gates: GateOutcome[];
  stages: StageVerdict[];
  documents: DocumentView[];
}

function reasonsFor(gates: readonly GateOutcome[], stages: readonly StageVerdict[]): string[] {
  const reasons: string[] = [];
  for (const gate of gates) {
    if (gate.id === 'documents' && gate.blockers.length > DOCUMENT_LINES) {
      reasons.push(documentsLine(gate.blockers));
      continue;
    }
    for (const b of gate.blockers) reasons.push(b.reason);
  }
  if (reasons.length > 0) return reasons;
  const stage2 = stages.find((s) => s.stage === 2);
  return stage2 ? [stage2.note] : [];
}

export function computeReadiness(input: ReadinessInput): Readiness {
  const scoped = input.requirements.filter((r) => inScope(r.ref, input.excludedAreas));
  const scores = computeScores({
    requirements: scoped,
    responses: input.responses,
    findings: input.findings,
    soaExcluded: new Set(input.soa.filter((d) => !d.applicable).map((d) => d.ref)),
    areaTitles: input.areaTitles,
  });
  const gates = runGates(input);
  const stages = stageVerdicts(gates, scores);
  const verdict = overallVerdict(stages);
  const reasons = reasonsFor(gates, stages);
  if (verdict === 'not-ready') {
    const incomplete = stages.find((s) => s.verdict === 'incomplete');
    if (incomplete) reasons.push(incomplete.note);
  }
  if (verdict === 'incomplete') {
    reasons.splice(0, reasons.length, stages[0]?.note ?? '');
  }
  return { ...scores, verdict, reasons, gates, stages, documents: documentViews(input) };
}

export const verdictLabels: Record<Verdict, string> = {
  ready: 'Ready for certification audit',
  'nearly-ready': 'Nearly ready',
  incomplete: 'Assessment incomplete',
  'not-ready': 'Not ready',
};

export type { ReadinessInput } from './gates';
export type { Verdict } from './stages';
export { READY_FROM } from './stages';
export { CLAUSE_WEIGHT, CONTROL_WEIGHT, points } from './readiness-score';
