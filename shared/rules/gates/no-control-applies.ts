import { isAnnexA } from '../scope';
import { controlApplies, soaExcluded } from './facts';
import { BOTH_STAGES, type Gate } from './types';

/**
 * Clause 6.1.3 has the organisation choose the controls its AI risks need and compare them with
 * Annex A. An SoA under which no control applies means no risk is treated by any control, which
 * no certification body accepts, however every control is justified one by one.
 */
export const noControlAppliesGate: Gate = {
  id: 'no-control-applies',
  label: 'At least one Annex A control applies',
  rule: 'The AI risk treatment (6.1.3) selects controls; an SoA under which none applies treats no risk.',
  check(input) {
    const controls = input.requirements.map((r) => r.ref).filter(isAnnexA);
    const excluded = soaExcluded(input);
    if (controls.some((ref) => controlApplies(input, excluded, ref))) return [];
    return [
      {
        reason: `No Annex A control applies: all ${controls.length} are excluded in the SoA or answered not applicable, so the risk treatment selects no control.`,
        refs: [],
        stages: BOTH_STAGES,
      },
    ];
  },
};
