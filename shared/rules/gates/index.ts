/** The gates before "ready", in the order their reasons are told. Each is documented in its file. */
import { auditAndReviewGate } from './audit-and-review';
import { clauseScopeGate } from './clause-scope';
import { documentsGate } from './documents';
import { noControlAppliesGate } from './no-control-applies';
import { clausesNonconformantGate, controlsNonconformantGate } from './nonconformant';
import { openMajorGate } from './open-major';
import { partialClausesGate } from './partial-clauses';
import { soaDecidedGate } from './soa-decided';
import type { Gate, GateOutcome, ReadinessInput } from './types';

export const gates: readonly Gate[] = [
  openMajorGate,
  clausesNonconformantGate,
  controlsNonconformantGate,
  partialClausesGate,
  clauseScopeGate,
  noControlAppliesGate,
  soaDecidedGate,
  documentsGate,
  auditAndReviewGate,
];

export function runGates(input: ReadinessInput): GateOutcome[] {
  return gates.map((gate) => {
    const blockers = gate.check(input);
    return {
      id: gate.id,
      label: gate.label,
      rule: gate.rule,
      passed: blockers.length === 0,
      blockers,
    };
  });
}

export type { Blocker, Gate, GateId, GateOutcome, ReadinessInput } from './types';
export { gateIds } from './types';
export type { CycleRecord, CycleKind } from './audit-and-review';
export { cycleKinds, cycleDocumentKeys } from './audit-and-review';
export { documentViews, type DocumentView } from './documents';
