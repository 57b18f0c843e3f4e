import type { Guidance, Overlap, ScopingQuestion } from './guidance';

/** What a question bank holds beyond its requirements: the figures a release note quotes. */
export interface BankCounts {
  stage1Questions: number;
  stage2Questions: number;
  soaQuestions: number;
  samplingPlans: number;
  nonconformityExamples: number;
  overlaps: number;
  overlapArtefacts: number;
  scopingQuestions: number;
}

export function bankCounts(bank: {
  requirements: readonly { guidance: Guidance | null }[];
  overlaps: readonly Overlap[];
  scoping: readonly ScopingQuestion[];
}): BankCounts {
  const guidance = bank.requirements.flatMap((r) => (r.guidance ? [r.guidance] : []));
  const questions = guidance.flatMap((g) => g.questions);
  return {
    stage1Questions: questions.filter((q) => q.stage === 1).length,
    stage2Questions: questions.filter((q) => q.stage === 2).length,
    soaQuestions: questions.filter((q) => q.asks === 'soa-and-treatment').length,
    samplingPlans: guidance.filter((g) => g.sampling.applies).length,
    nonconformityExamples: guidance.length,
    overlaps: bank.overlaps.length,
    overlapArtefacts: bank.overlaps.reduce((n, o) => n + o.artefacts.length, 0),
    scopingQuestions: bank.scoping.length,
  };
}
