import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import type { ManagementReview } from '../../../shared/contracts/management-reviews';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { conflict, invalid } from '../errors';
import { requireEngagement } from '../engagements';
import { compileInputs } from './inputs';
import { getReview } from './queries';

const { managementReviews } = schema;

/**
 * Creates or changes a review. Marking it held freezes the compiled inputs with it (what was
 * reviewed stays as it was); a held review does not go back to planned.
 */
export function saveReview(
  ctx: CoreContext,
  input: ParsedInput<'managementReviews.save'>,
): ManagementReview {
  const { id, engagementId, attendees, decisions, ...fields } = input;
  if (fields.status === 'held' && !fields.heldOn) {
    throw invalid('heldOn', 'a held review says when it was held');
  }
  if (fields.heldOn && fields.heldOn > ctx.now().slice(0, 10)) {
    throw invalid('heldOn', 'cannot be in the future: plan it instead');
  }
  const now = ctx.now();
  return inTransaction(ctx, () => {
    requireEngagement(ctx, engagementId);
    const before = id ? getReview(ctx, id) : null;
    if (before && before.engagementId !== engagementId) {
      throw invalid('engagementId', 'a review stays with its engagement');
    }
    if (before?.status === 'held' && fields.status === 'planned') {
      throw conflict(`“${before.title}” was held; it stays on record as held.`);
    }
    // Frozen once, when the review is first marked held.
    const inputs =
      fields.status === 'held'
        ? before?.inputs
          ? writeJson(before.inputs)
          : writeJson(compileInputs(ctx, engagementId))
        : null;
    const columns = {
      ...fields,
      attendeesJson: writeJson(attendees),
      decisionsJson: writeJson(decisions),
      inputsJson: inputs,
      updatedAt: now,
      updatedBy: ctx.actor(),
    };
    const reviewId = id ?? ctx.newId();
    if (before) {
      ctx.store.db
        .update(managementReviews)
        .set(columns)
        .where(eq(managementReviews.id, reviewId))
        .run();
    } else {
      ctx.store.db
        .insert(managementReviews)
        .values({ id: reviewId, engagementId, ...columns, createdAt: now })
        .run();
    }
    const after = getReview(ctx, reviewId);
    const view = (r: ManagementReview | null) => r && { ...r, inputs: r.inputs ? 'frozen' : null };
    audit(ctx, now, {
      action: before ? 'managementReview.update' : 'managementReview.create',
      entityType: 'management-review',
      entityId: reviewId,
      scopeId: engagementId,
      before: view(before),
      after: view(after),
    });
    return after;
  });
}
