import { isAnnexA } from '../scope';
import { listRefs } from './facts';
import { BOTH_STAGES, type Blocker, type Gate } from './types';

/**
 * The Statement of Applicability is read at the documentation review: every Annex A control needs
 * a decision, applicable or excluded, and a justification either way — including controls in
 * areas the assessment itself left out.
 */
export const soaDecidedGate: Gate = {
  id: 'soa-decided',
  label: 'SoA decided for every control, with justifications',
  rule: 'Each Annex A control is recorded as applicable or excluded in the Statement of Applicability, and each decision says why.',
  check(input) {
    const controls = input.requirements.map((r) => r.ref).filter(isAnnexA);
    const decisions = new Map(input.soa.map((d) => [d.ref, d]));
    const undecided = controls.filter((ref) => !decisions.has(ref));
    const unjustified = controls.filter((ref) => {
      const d = decisions.get(ref);
      return d !== undefined && d.justification.trim() === '';
    });
    const blockers: Blocker[] = [];
    if (undecided.length > 0) {
      blockers.push({
        reason: `The SoA has no decision for ${undecided.length} of ${controls.length} controls: ${listRefs(undecided)}.`,
        refs: undecided,
        stages: BOTH_STAGES,
      });
    }
    if (unjustified.length > 0) {
      blockers.push({
        reason: `SoA decisions without a justification: ${listRefs(unjustified)}.`,
        refs: unjustified,
        stages: BOTH_STAGES,
      });
    }
    return blockers;
  },
};
