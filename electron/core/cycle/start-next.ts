import type { ParsedInput } from '../../../shared/contracts';
import type { Assessment } from '../../../shared/contracts/assessments';
import { scopingAnswerProblems, type ScopingAnswers } from '../../../shared/catalog/scoping';
import type { ScopingQuestion } from '../../../shared/catalog/guidance';
import { createAssessment, getAssessment, saveScoping } from '../assessments';
import { scopingQuestions } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { conflict, invalid } from '../errors';
import { listSoa, saveSoaEntry } from '../soa';
import { openFindingsOf } from './carried-findings';
import { nextAssessments } from './links';

const { assessmentCycles, carriedItems, carriedFindings } = schema;

/**
 * The answers the current question bank can still take. An answer to a question a later revision
 * dropped stays with last year's assessment; carrying it would put a question nobody is asked in
 * front of the consultant to confirm.
 */
export function carryableScoping(
  questions: readonly ScopingQuestion[],
  answers: ScopingAnswers,
): ScopingAnswers {
  return Object.fromEntries(
    Object.entries(answers).filter(
      ([id, answer]) => scopingAnswerProblems(questions, { [id]: answer }, {}).length === 0,
    ),
  );
}

/**
 * "Start the next assessment" on a final one. One transaction creates the new assessment of the
 * same engagement and framework and carries over what a person decided, each to be confirmed:
 * the areas left out of scope, the scoping answers and the SoA decisions. No answer, note or
 * finding is copied — the interview shows last year's beside the empty answer instead — and the
 * findings still open stay open, listed in the new cycle under their own references.
 */
export function startNextCycle(
  ctx: CoreContext,
  input: ParsedInput<'cycle.startNext'>,
): Assessment {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const previous = getAssessment(ctx, input.assessmentId);
    if (previous.status !== 'final') {
      throw invalid(
        'assessmentId',
        `“${previous.title}” is not final: make it final before starting the next assessment from it`,
      );
    }
    const already = nextAssessments(ctx, previous.id)[0];
    if (already) {
      throw conflict(
        `The next assessment was already started from “${previous.title}”: “${already.title}”.`,
      );
    }
    const created = createAssessment(ctx, {
      engagementId: previous.engagementId,
      frameworkId: previous.frameworkId,
      title: input.title,
      excludedAreas: previous.excludedAreas,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
    });
    carryOver(ctx, previous, created, now);
    return getAssessment(ctx, created.id);
  });
}

/**
 * Carries what a person decided in `previous` into `created` (a new assessment of the same
 * engagement and framework), each to be confirmed, lists the findings still open, and links the
 * two — inside the caller's transaction.
 */
function carryOver(ctx: CoreContext, previous: Assessment, created: Assessment, now: string): void {
  // Stamped after the decision was written into the new assessment: a save of it later than
  // this stamp is a person deciding it again (see carried.ts).
  const carry = (kind: 'scope' | 'scoping' | 'soa', key: string, value: unknown) => {
    const at = ctx.now();
    ctx.store.db
      .insert(carriedItems)
      .values({
        id: ctx.newId(),
        assessmentId: created.id,
        kind,
        key,
        valueJson: writeJson(value),
        createdAt: at,
        updatedAt: at,
        updatedBy: ctx.actor(),
      })
      .run();
  };

  carry('scope', 'excluded-areas', { excludedAreas: previous.excludedAreas });
  const scoping = carryableScoping(scopingQuestions(ctx, previous.frameworkId), previous.scoping);
  if (Object.keys(scoping).length > 0) saveScoping(ctx, { id: created.id, answers: scoping });
  for (const [id, answer] of Object.entries(scoping)) carry('scoping', id, answer);

  let soa = 0;
  for (const row of listSoa(ctx, previous.id)) {
    if (!row.entry) continue;
    const decision = {
      applicable: row.entry.applicable,
      justification: row.entry.justification,
      implementationStatus: row.entry.implementationStatus,
    };
    saveSoaEntry(ctx, {
      assessmentId: created.id,
      requirementId: row.requirementId,
      ...decision,
    });
    carry('soa', row.requirementId, decision);
    soa += 1;
  }

  const open = openFindingsOf(ctx, previous.id);
  for (const finding of open) {
    ctx.store.db
      .insert(carriedFindings)
      .values({
        id: ctx.newId(),
        assessmentId: created.id,
        findingId: finding.findingId,
        createdAt: now,
        createdBy: ctx.actor(),
      })
      .run();
  }
  ctx.store.db
    .insert(assessmentCycles)
    .values({
      id: ctx.newId(),
      assessmentId: created.id,
      previousAssessmentId: previous.id,
      createdAt: now,
      createdBy: ctx.actor(),
    })
    .run();
  audit(ctx, now, {
    action: 'assessment.startNext',
    entityType: 'assessment',
    entityId: created.id,
    scopeId: created.id,
    after: {
      previousAssessmentId: previous.id,
      carriedOver: {
        excludedAreas: previous.excludedAreas,
        scopingAnswers: Object.keys(scoping).length,
        soaDecisions: soa,
        openFindings: open.map((f) => f.ref),
      },
    },
  });
}

/**
 * Links an assessment created on its own (the demo's, whose ids and answers come from its own
 * generator) as the next cycle of a final one, carrying over as "Start the next assessment" does.
 */
export function linkNextCycle(ctx: CoreContext, previousId: string, nextId: string): void {
  inTransaction(ctx, () => {
    const previous = getAssessment(ctx, previousId);
    const next = getAssessment(ctx, nextId);
    if (previous.status !== 'final') throw invalid('previousId', 'is not final');
    if (nextAssessments(ctx, previous.id).length > 0) {
      throw conflict(`The next assessment was already started from “${previous.title}”.`);
    }
    if (next.engagementId !== previous.engagementId || next.frameworkId !== previous.frameworkId) {
      throw invalid('nextId', 'belongs to another engagement or framework');
    }
    carryOver(ctx, previous, next, ctx.now());
  });
}
