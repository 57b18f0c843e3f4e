import type { InterviewSession } from '../../../shared/contracts/sessions';
import type { Result } from '../../../shared/domain/assessment';
import { isAnnexA } from '../../../shared/rules/scope';
import type { IndexedRequirement } from '../catalog';
import type { CoreContext } from '../context';
import type { DemoKit } from '../demo';
import { saveResponse } from './save';

/** One answered requirement, for the findings and SoA seeds that build on the answers. */
export interface DemoAnswer {
  id: string;
  ref: string;
  result: Result;
}

function resultFor(kit: DemoKit, annex: boolean): Result {
  const x = kit.rng();
  if (annex && x < 0.06) return 'not-applicable';
  if (x < 0.52) return 'conformant';
  if (x < 0.82) return 'partially-conformant';
  return 'nonconformant';
}

function notesFor(kit: DemoKit, result: Result): string {
  const { texts } = kit;
  const values = { person: kit.pick(texts.demoPeople).name, system: kit.pick(texts.demoSystems) };
  const pool =
    result === 'conformant'
      ? texts.conformantNotes
      : result === 'nonconformant'
        ? texts.nonconformantNotes
        : texts.partialNotes;
  const paragraphs = kit.large ? 4 + Math.floor(kit.rng() * 4) : 1;
  return Array.from({ length: paragraphs }, () => texts.fill(kit.pick(pool), values)).join('\n\n');
}

/**
 * Answers the requirements in catalog order (all of them in the large demo, two thirds in the
 * small one), spread over the sessions in the order they were held.
 */
export function seedAnswersDemo(
  ctx: CoreContext,
  kit: DemoKit,
  input: {
    assessmentId: string;
    requirements: IndexedRequirement[];
    sessions: InterviewSession[];
    /** Every requirement conformant: a client prepared for certification. */
    prepared?: boolean;
  },
): DemoAnswer[] {
  const { requirements, sessions } = input;
  const answerCount = kit.large ? requirements.length : Math.round((requirements.length * 2) / 3);
  return requirements.slice(0, answerCount).map((r, i) => {
    const result = input.prepared ? 'conformant' : resultFor(kit, isAnnexA(r.ref));
    const session = sessions[Math.floor((i * sessions.length) / answerCount)];
    saveResponse(ctx, {
      assessmentId: input.assessmentId,
      requirementId: r.id,
      result,
      maturity:
        result === 'conformant'
          ? 3 + Math.floor(kit.rng() * 2)
          : result === 'not-applicable'
            ? null
            : Math.floor(kit.rng() * 3),
      notes: result === 'not-applicable' ? '' : notesFor(kit, result),
      naJustification: result === 'not-applicable' ? kit.pick(kit.texts.naJustifications) : '',
      interviewees: session ? session.interviewees.map((p) => p.name) : [],
      followUp: result !== 'conformant' && kit.rng() < 0.3,
      sessionId: session?.id ?? null,
    });
    return { id: r.id, ref: r.ref, result };
  });
}
