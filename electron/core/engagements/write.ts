import { eq } from 'drizzle-orm';
import type { Engagement } from '../../../shared/contracts/engagements';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { getEngagement } from './queries';

const { engagements } = schema;

type Fields = ParsedInput<'engagements.create'>;

/** The columns a person edits, from the contract's fields. */
function columns(input: Fields) {
  return {
    clientName: input.clientName,
    aimsScope: input.aimsScope,
    aiRolesJson: writeJson(input.aiRoles),
    sitesJson: writeJson(input.sites),
    leadAssessor: input.leadAssessor,
    startDate: input.startDate,
    endDate: input.endDate,
    notes: input.notes,
  } satisfies Partial<typeof engagements.$inferInsert>;
}

export function createEngagement(ctx: CoreContext, input: Fields): Engagement {
  const id = ctx.newId();
  const now = ctx.now();
  return inTransaction(ctx, () => {
    ctx.store.db
      .insert(engagements)
      .values({ id, ...columns(input), createdAt: now, updatedAt: now, updatedBy: ctx.actor() })
      .run();
    const created = getEngagement(ctx, id);
    audit(ctx, now, {
      action: 'engagement.create',
      entityType: 'engagement',
      entityId: id,
      scopeId: id,
      after: input,
    });
    return created;
  });
}

export function updateEngagement(
  ctx: CoreContext,
  input: ParsedInput<'engagements.update'>,
): Engagement {
  const { id, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getEngagement(ctx, id);
    ctx.store.db
      .update(engagements)
      .set({ ...columns(fields), updatedAt: now, updatedBy: ctx.actor() })
      .where(eq(engagements.id, id))
      .run();
    const after = getEngagement(ctx, id);
    audit(ctx, now, {
      action: 'engagement.update',
      entityType: 'engagement',
      entityId: id,
      scopeId: id,
      before: { ...before, assessmentCount: undefined },
      after: fields,
    });
    return after;
  });
}

export function deleteEngagement(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getEngagement(ctx, id);
    ctx.store.db.delete(engagements).where(eq(engagements.id, id)).run();
    audit(ctx, now, {
      action: 'engagement.delete',
      entityType: 'engagement',
      entityId: id,
      scopeId: id,
      before,
    });
  });
  return { ok: true };
}
