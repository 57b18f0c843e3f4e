import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import type { CorrectiveAction } from '../../../shared/contracts/corrective-actions';
import { isClosing, statusAfterSave } from '../../../shared/rules/corrective-actions';
import { getAssessment } from '../assessments';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { CommandFailure, invalid } from '../errors';
import { getFinding, setFindingClosure } from '../findings';
import { actionOf } from './queries';

const { correctiveActions } = schema;

type Plan = Omit<ParsedInput<'correctiveActions.save'>, 'findingId'>;

const emptyPlan: Plan = {
  correction: '',
  rootCauseMethod: null,
  whys: [],
  causeCategories: [],
  rootCause: '',
  action: '',
  owner: '',
  dueDate: null,
  completedOn: null,
  completionEvidence: '',
};

function planColumns(plan: Plan) {
  const { whys, causeCategories, ...rest } = plan;
  return { ...rest, whysJson: writeJson(whys), causeCategoriesJson: writeJson(causeCategories) };
}

function planOf(a: CorrectiveAction): Plan {
  return {
    correction: a.correction,
    rootCauseMethod: a.rootCauseMethod,
    whys: a.whys,
    causeCategories: a.causeCategories,
    rootCause: a.rootCause,
    action: a.action,
    owner: a.owner,
    dueDate: a.dueDate,
    completedOn: a.completedOn,
    completionEvidence: a.completionEvidence,
  };
}

/** An action with no review, and with no acceptance, yet: new, or back to open. */
const noReview = { reviewedOn: null, reviewer: '', effective: null, reviewNotes: '' };
const noAcceptance = { acceptedReason: '', acceptedBy: '', acceptedOn: null };

const closedAlready = () =>
  new CommandFailure(
    'CONFLICT',
    'This corrective action is closed (verified effective or accepted). Reopen the finding to change it.',
  );

/**
 * The action of a finding, created empty when there is none yet (inside the caller's
 * transaction). The finding may belong to any cycle of the engagement, final ones included.
 */
function ensureAction(ctx: CoreContext, findingId: string, now: string): CorrectiveAction {
  const existing = actionOf(ctx, findingId);
  if (existing) return existing;
  const finding = getFinding(ctx, findingId);
  const { engagementId } = getAssessment(ctx, finding.assessmentId);
  const id = ctx.newId();
  ctx.store.db
    .insert(correctiveActions)
    .values({
      id,
      engagementId,
      findingId,
      ...planColumns(emptyPlan),
      status: 'open',
      ...noReview,
      ...noAcceptance,
      createdAt: now,
      updatedAt: now,
      updatedBy: ctx.actor(),
    })
    .run();
  audit(ctx, now, {
    action: 'correctiveAction.create',
    entityType: 'corrective-action',
    entityId: id,
    scopeId: engagementId,
    after: { findingId, findingRef: finding.ref },
  });
  return actionOf(ctx, findingId) as CorrectiveAction;
}

function record(
  ctx: CoreContext,
  before: CorrectiveAction,
  action: string,
  change: Partial<typeof correctiveActions.$inferInsert>,
  now: string,
): CorrectiveAction {
  ctx.store.db
    .update(correctiveActions)
    .set({ ...change, updatedAt: now, updatedBy: ctx.actor() })
    .where(eq(correctiveActions.id, before.id))
    .run();
  const after = actionOf(ctx, before.findingId) as CorrectiveAction;
  const view = (a: CorrectiveAction) => ({
    findingRef: a.finding.ref,
    ...planOf(a),
    status: a.status,
    reviewedOn: a.reviewedOn,
    reviewer: a.reviewer,
    effective: a.effective,
    reviewNotes: a.reviewNotes,
    acceptedReason: a.acceptedReason,
    acceptedBy: a.acceptedBy,
    acceptedOn: a.acceptedOn,
  });
  audit(ctx, now, {
    action,
    entityType: 'corrective-action',
    entityId: before.id,
    scopeId: before.engagementId,
    before: view(before),
    after: view(after),
  });
  return after;
}

/** Creates or changes the plan; a completed action then waits for its effectiveness review. */
export function saveAction(
  ctx: CoreContext,
  input: ParsedInput<'correctiveActions.save'>,
): CorrectiveAction {
  const { findingId, ...plan } = input;
  if (plan.completedOn && plan.completedOn > ctx.now().slice(0, 10)) {
    throw invalid('completedOn', 'cannot be in the future: record the completion once it is done');
  }
  if (plan.completedOn && !plan.action) {
    throw invalid('action', 'say what was done before recording it as completed');
  }
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = ensureAction(ctx, findingId, now);
    if (isClosing(before.status)) throw closedAlready();
    const status = statusAfterSave(before.status, before.completedOn, plan.completedOn);
    // A new completion after a "not effective" review starts a new review.
    const review =
      status === 'awaiting-review' && before.status === 'not-effective' ? noReview : {};
    return record(
      ctx,
      before,
      'correctiveAction.save',
      { ...planColumns(plan), status, ...review },
      now,
    );
  });
}

/** The effectiveness review: effective closes the finding, not effective sends the action back. */
export function reviewAction(
  ctx: CoreContext,
  input: ParsedInput<'correctiveActions.review'>,
): CorrectiveAction {
  const now = ctx.now();
  if (input.reviewedOn > now.slice(0, 10)) {
    throw invalid('reviewedOn', 'cannot be in the future');
  }
  return inTransaction(ctx, () => {
    const before = actionOf(ctx, input.findingId);
    if (!before || before.status !== 'awaiting-review' || !before.completedOn) {
      throw new CommandFailure(
        'CONFLICT',
        before && isClosing(before.status)
          ? 'This corrective action is already closed.'
          : 'Only a completed action can be reviewed: record what was done and when first.',
      );
    }
    if (input.reviewedOn < before.completedOn) {
      throw invalid(
        'reviewedOn',
        `cannot be before the action was completed (${before.completedOn}): effectiveness is checked afterwards`,
      );
    }
    const after = record(
      ctx,
      before,
      'correctiveAction.review',
      {
        status: input.effective ? 'effective' : 'not-effective',
        reviewedOn: input.reviewedOn,
        reviewer: input.reviewer,
        effective: input.effective,
        reviewNotes: input.notes,
      },
      now,
    );
    if (!input.effective) return after;
    setFindingClosure(
      ctx,
      input.findingId,
      now,
      `corrective action verified effective by ${input.reviewer} on ${input.reviewedOn}`,
    );
    return actionOf(ctx, input.findingId) as CorrectiveAction;
  });
}

/** Closes a finding by explicit acceptance, with the reason, who and when. */
export function acceptFinding(
  ctx: CoreContext,
  input: ParsedInput<'correctiveActions.accept'>,
): CorrectiveAction {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = ensureAction(ctx, input.findingId, now);
    if (isClosing(before.status) || before.finding.status === 'closed') throw closedAlready();
    record(
      ctx,
      before,
      'correctiveAction.accept',
      {
        status: 'accepted',
        acceptedReason: input.reason,
        acceptedBy: ctx.actor(),
        acceptedOn: now.slice(0, 10),
      },
      now,
    );
    setFindingClosure(ctx, input.findingId, now, `accepted by ${ctx.actor()}: ${input.reason}`);
    return actionOf(ctx, input.findingId) as CorrectiveAction;
  });
}

/**
 * Reopens a closed finding with the reason. Its action, if any, goes back to open with its plan
 * kept and its review and acceptance cleared (the audit trail keeps them).
 */
export function reopenFinding(
  ctx: CoreContext,
  input: ParsedInput<'correctiveActions.reopen'>,
): CorrectiveAction | null {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const finding = getFinding(ctx, input.findingId);
    if (finding.status !== 'closed') {
      throw new CommandFailure('CONFLICT', `${finding.ref} is not closed.`);
    }
    setFindingClosure(ctx, input.findingId, null, input.reason);
    const before = actionOf(ctx, input.findingId);
    if (!before) return null;
    return record(
      ctx,
      before,
      'correctiveAction.reopen',
      {
        ...planColumns({ ...planOf(before), completedOn: null }),
        status: 'open',
        ...noReview,
        ...noAcceptance,
      },
      now,
    );
  });
}
