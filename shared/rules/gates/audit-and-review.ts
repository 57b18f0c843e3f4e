import { STAGE_2, type Blocker, type Gate } from './types';

export const cycleKinds = ['internal-audit', 'management-review'] as const;
export type CycleKind = (typeof cycleKinds)[number];

/**
 * An internal audit or a management review on record, whatever keeps it. Today the readiness room
 * derives them from the documented-information register (the internal audit results and the
 * management review results in place); the cycle (issue 13) adds its own audit and review records
 * with `source: 'cycle'`. The gate reads only this shape, so a new source needs no rule change.
 */
export interface CycleRecord {
  kind: CycleKind;
  source: 'documented-information' | 'cycle';
  /** How people know it: "Internal audit results", "Internal audit 2026-Q3". */
  label: string;
  /** Held (an audit with its report issued, a review with its results recorded), not just planned. */
  completed: boolean;
  /** When it was held, YYYY-MM-DD, where the source knows. */
  completedOn: string | null;
}

const needs: Record<CycleKind, { name: string; refs: string[]; record: string }> = {
  'internal-audit': {
    name: 'internal audit',
    refs: ['9.2.1', '9.2.2'],
    record: 'the internal audit results (9.2.2)',
  },
  'management-review': {
    name: 'management review',
    refs: ['9.3.1', '9.3.3'],
    record: 'the management review results (9.3.3)',
  },
};

/**
 * A certification body holds the on-site audit only after the management system has audited
 * itself once and top management has reviewed it once: both show the "check" of the cycle
 * working. The documentation review may go ahead with them planned.
 */
export const auditAndReviewGate: Gate = {
  id: 'audit-and-review',
  label: 'An internal audit and a management review held',
  rule: 'At least one internal audit and one management review are completed and on record before the on-site audit.',
  check(input) {
    const blockers: Blocker[] = [];
    for (const kind of Object.keys(needs) as CycleKind[]) {
      const need = needs[kind];
      const records = input.cycle.filter((r) => r.kind === kind);
      if (records.some((r) => r.completed)) continue;
      const planned = records.map((r) => r.label);
      blockers.push({
        reason:
          planned.length > 0
            ? `No ${need.name} completed yet (planned: ${planned.join(', ')}).`
            : `No ${need.name} on record: record ${need.record} as documented information, or the ${need.name} itself.`,
        refs: need.refs,
        stages: STAGE_2,
      });
    }
    return blockers;
  },
};

/** Used by the documents gate: these items are judged here, never twice. */
export const cycleDocumentKeys: Record<string, CycleKind> = {
  'internal-audit-results': 'internal-audit',
  'management-review-results': 'management-review',
};
