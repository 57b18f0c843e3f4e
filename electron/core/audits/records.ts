import type { CycleRecord } from '../../../shared/rules/gates';
import type { CoreContext } from '../context';
import { listAudits, listProgrammes } from './queries';

/**
 * The engagement's internal audits as the readiness gate reads them: one record per audit that
 * is not cancelled, held when completed (issue 12's "an internal audit on record").
 */
export function internalAuditRecords(ctx: CoreContext, engagementId: string): CycleRecord[] {
  return listProgrammes(ctx, engagementId)
    .flatMap((p) => listAudits(ctx, p.id))
    .filter((a) => a.status !== 'cancelled')
    .map((a) => ({
      kind: 'internal-audit' as const,
      source: 'cycle' as const,
      label: a.title,
      completed: a.status === 'completed',
      completedOn: a.status === 'completed' ? a.heldFrom : null,
    }));
}
