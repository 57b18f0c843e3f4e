import type { CycleRecord } from '../../../shared/rules/gates';
import type { CoreContext } from '../context';
import { listReviews } from './queries';

/** The engagement's management reviews as the readiness gate reads them: held = completed. */
export function managementReviewRecords(ctx: CoreContext, engagementId: string): CycleRecord[] {
  return listReviews(ctx, engagementId).map((r) => ({
    kind: 'management-review' as const,
    source: 'cycle' as const,
    label: r.title,
    completed: r.status === 'held',
    completedOn: r.status === 'held' ? r.heldOn : null,
  }));
}
