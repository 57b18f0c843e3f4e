import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  reviewInputsSchema,
  type ManagementReview,
} from '../../../shared/contracts/management-reviews';
import { decisionStatuses } from '../../../shared/rules/management-review';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { notFound } from '../errors';

const { managementReviews } = schema;

const decisionsSchema = z.array(
  z.object({
    text: z.string(),
    owner: z.string(),
    dueDate: z.string().nullable(),
    status: z.enum(decisionStatuses),
  }),
);

function toReview(row: typeof managementReviews.$inferSelect): ManagementReview {
  const { attendeesJson, decisionsJson, inputsJson, ...rest } = row;
  return {
    ...rest,
    attendees: readJson(z.array(z.string()), attendeesJson, 'management_reviews.attendees_json'),
    decisions: readJson(decisionsSchema, decisionsJson, 'management_reviews.decisions_json'),
    inputs: inputsJson
      ? readJson(reviewInputsSchema, inputsJson, 'management_reviews.inputs_json')
      : null,
  };
}

export function listReviews(ctx: CoreContext, engagementId: string): ManagementReview[] {
  return ctx.store.db
    .select()
    .from(managementReviews)
    .where(eq(managementReviews.engagementId, engagementId))
    .orderBy(desc(managementReviews.createdAt))
    .all()
    .map(toReview);
}

export function getReview(ctx: CoreContext, id: string): ManagementReview {
  const row = ctx.store.db
    .select()
    .from(managementReviews)
    .where(eq(managementReviews.id, id))
    .get();
  if (!row) throw notFound('Management review', id);
  return toReview(row);
}
