/**
 * Verdicts per certification audit stage, from the gates' blockers.
 *
 * - Stage 1, the documentation review ("could it pass?"): not ready when any blocker names stage 1
 *   (scope, SoA, the documents it reads, requirements not met even in their design); incomplete
 *   while requirements in scope are not assessed; ready otherwise.
 * - Stage 2, the on-site audit: not ready when any blocker names stage 2 (every stage-1 blocker
 *   does too, plus open majors, systemic partial clauses, records of the system running, the
 *   internal audit and management review); incomplete while anything is not assessed; nearly
 *   ready when the overall score is below 85 % (the partly met requirements would be raised as
 *   minor nonconformities); ready otherwise.
 * - The assessment's verdict: not ready if either stage is, else incomplete if it is, else the
 *   stage-2 verdict. An assessment not fully assessed is never "not ready" for its score.
 *
 * "Stage" follows the question bank's tags: every requirement asks stage-1 questions (design and
 * documentation) and stage-2 questions (operating effectiveness). An answer of nonconformant
 * means the stage-1 questions fail too; partially conformant means the design exists but the
 * stage-2 evidence of it operating falls short.
 */
import type { AuditStage } from '../catalog/guidance';
import type { Blocker, GateId, GateOutcome } from './gates';
import type { Scores } from './readiness-score';

export type Verdict = 'ready' | 'nearly-ready' | 'incomplete' | 'not-ready';
export const READY_FROM = 0.85;

export interface StageBlocker extends Blocker {
  gate: GateId;
}

export interface StageVerdict {
  stage: AuditStage;
  verdict: Verdict;
  /** What keeps this stage from passing, in gate order. */
  blockers: StageBlocker[];
  /** One sentence on the verdict. */
  note: string;
}

const pct = (n: number) => `${Math.round(n * 100)} %`;

function notAssessed(scores: Scores): number {
  const total = scores.clauses.total + scores.controls.total;
  return total - scores.clauses.assessed - scores.controls.assessed;
}

export function stageVerdicts(gates: readonly GateOutcome[], scores: Scores): StageVerdict[] {
  const open = notAssessed(scores);
  const total = scores.clauses.total + scores.controls.total;
  return ([1, 2] as const).map((stage) => {
    const blockers = gates.flatMap((g) =>
      g.blockers.filter((b) => b.stages.includes(stage)).map((b) => ({ ...b, gate: g.id })),
    );
    const name = stage === 1 ? 'documentation review' : 'on-site audit';
    if (blockers.length > 0) {
      return {
        stage,
        verdict: 'not-ready',
        blockers,
        note: `The ${name} would not pass: ${blockers.length} blocking ${blockers.length === 1 ? 'reason' : 'reasons'}.`,
      };
    }
    if (open > 0 || total === 0) {
      return {
        stage,
        verdict: 'incomplete',
        blockers,
        note: `Nothing blocks the ${name} so far, but ${open} of ${total} requirements in scope are not assessed yet.`,
      };
    }
    const score = scores.overall.score;
    if (stage === 2 && (score === null || score < READY_FROM)) {
      return {
        stage,
        verdict: 'nearly-ready',
        blockers,
        note: `Nothing blocks the on-site audit, but the overall score ${score === null ? '—' : pct(score)} is below ${pct(READY_FROM)}: the partly met requirements would be raised as minor nonconformities.`,
      };
    }
    return {
      stage,
      verdict: 'ready',
      blockers,
      note:
        stage === 1
          ? 'The documentation review could pass: scope, SoA and the documents it reads are in place, and no requirement is missing in its design.'
          : `The on-site audit could pass: nothing blocks it, everything in scope is assessed and the overall score is ${score === null ? '—' : pct(score)}.`,
    };
  });
}

/** More document blockers than this are told as one line (the register and the gate list each). */
export const DOCUMENT_LINES = 4;

/** One line for many missing documents, naming the requirements they count against. */
export function documentsLine(blockers: readonly Blocker[]): string {
  const refs = [...new Set(blockers.flatMap((b) => b.refs))];
  return `${blockers.length} items of mandatory documented information are not in place (${refs.join(', ')}); the register says which and why.`;
}

/**
 * A stage's blockers as told to a person, in gate order: more than DOCUMENT_LINES missing
 * documents become one line where the first of them stood.
 */
export function toldBlockers(blockers: readonly StageBlocker[]): StageBlocker[] {
  const documents = blockers.filter((b) => b.gate === 'documents');
  if (documents.length <= DOCUMENT_LINES) return [...blockers];
  const first = documents[0];
  return blockers.flatMap((b) => {
    if (b.gate !== 'documents') return [b];
    if (b !== first) return [];
    return [
      {
        gate: 'documents',
        reason: documentsLine(documents),
        refs: [...new Set(documents.flatMap((d) => d.refs))],
        stages: b.stages,
      },
    ];
  });
}

export function overallVerdict(stages: readonly StageVerdict[]): Verdict {
  if (stages.some((s) => s.verdict === 'not-ready')) return 'not-ready';
  if (stages.some((s) => s.verdict === 'incomplete')) return 'incomplete';
  return stages.find((s) => s.stage === 2)?.verdict ?? 'incomplete';
}
