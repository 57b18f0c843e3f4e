import type { CoreContext } from '../context';
import { notFound } from '../errors';

/** Everything in the risk area belongs to an engagement; refuse early when it does not exist. */
export function requireEngagement(ctx: CoreContext, engagementId: string): void {
  const row = ctx.store.sqlite.prepare('SELECT 1 FROM engagements WHERE id = ?').get(engagementId);
  if (!row) throw notFound('Engagement', engagementId);
}
