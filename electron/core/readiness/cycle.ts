import type { CycleRecord, DocumentView } from '../../../shared/rules/gates';
import { cycleDocumentKeys } from '../../../shared/rules/gates';

/**
 * The internal audits and management reviews on record for an assessment. Today they come from
 * the documented-information register: the internal audit results (9.2.2) and the management
 * review results (9.3.3) in place count as one audit and one review held. The cycle (issue 13)
 * adds its own audit and review records here, with `source: 'cycle'`; the gate reads this list
 * only (shared/rules/gates/audit-and-review.ts).
 */
export function cycleRecordsOf(documents: readonly DocumentView[]): CycleRecord[] {
  return documents.flatMap((d) => {
    const kind = cycleDocumentKeys[d.key];
    if (!kind) return [];
    return [
      {
        kind,
        source: 'documented-information' as const,
        label: d.label,
        completed: d.status === 'in-place',
        completedOn: null,
      },
    ];
  });
}
