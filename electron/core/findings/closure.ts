import { eq } from 'drizzle-orm';
import type { Finding } from '../../../shared/contracts/findings';
import type { FindingStatus } from '../../../shared/domain/assessment';
import { audit, type CoreContext } from '../context';
import { schema } from '../db';
import { CommandFailure } from '../errors';
import { getFinding } from './queries';

const { findings } = schema;

/**
 * A finding closes only through its corrective action — verified effective, or accepted with a
 * reason — and reopens only through it too, so every closure has its why in the record. Editing
 * a finding (findings.create, findings.update) may move it between open and in progress only.
 */
export function refuseClosureChange(before: FindingStatus | null, after: FindingStatus): void {
  const was = before === 'closed';
  const is = after === 'closed';
  if (was === is) return;
  throw new CommandFailure(
    'CONFLICT',
    is
      ? 'A finding closes through its corrective action: record an effectiveness review that finds it effective, or accept the finding with a reason.'
      : 'A closed finding reopens through its corrective action (Reopen, with the reason).',
  );
}

/**
 * Closes (at `closedAt`) or reopens (null) a finding for the corrective-actions room, inside its
 * transaction. Works on a finding of a final assessment: last cycle's nonconformity is closed in
 * this one. The audit row carries the reason.
 */
export function setFindingClosure(
  ctx: CoreContext,
  findingId: string,
  closedAt: string | null,
  reason: string,
): Finding {
  const before = getFinding(ctx, findingId);
  const now = ctx.now();
  const status: FindingStatus = closedAt ? 'closed' : 'open';
  ctx.store.db
    .update(findings)
    .set({ status, closedAt, updatedAt: now, updatedBy: ctx.actor() })
    .where(eq(findings.id, findingId))
    .run();
  audit(ctx, now, {
    action: closedAt ? 'finding.close' : 'finding.reopen',
    entityType: 'finding',
    entityId: findingId,
    scopeId: before.assessmentId,
    before: { ref: before.ref, status: before.status, closedAt: before.closedAt },
    after: { ref: before.ref, status, closedAt, reason },
  });
  return getFinding(ctx, findingId);
}
