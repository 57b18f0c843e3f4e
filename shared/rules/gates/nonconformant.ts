import { controlApplies, inScopeRefs, listRefs, plural, soaExcluded } from './facts';
import { BOTH_STAGES, type Gate } from './types';

/**
 * Nothing in place where something must be. An answer of "nonconformant" means the requirement is
 * not met even in its design, so both the documentation review and the on-site audit would find
 * it: a clause of 4–10 is mandatory, and a control the SoA applies must be implemented.
 */
export const clausesNonconformantGate: Gate = {
  id: 'clauses-nonconformant',
  label: 'No clause requirement nonconformant',
  rule: 'Clauses 4–10 are mandatory: each must be met at least in part before a certification audit.',
  check(input) {
    const refs = inScopeRefs(input).clauses.filter(
      (ref) => input.responses[ref] === 'nonconformant',
    );
    if (refs.length === 0) return [];
    return [
      {
        reason: `${plural(refs.length, 'Clause requirement', 'Clause requirements')} ${listRefs(refs)} ${plural(refs.length, 'is', 'are')} nonconformant.`,
        refs,
        stages: BOTH_STAGES,
      },
    ];
  },
};

export const controlsNonconformantGate: Gate = {
  id: 'controls-nonconformant',
  label: 'No applicable Annex A control nonconformant',
  rule: 'A control the Statement of Applicability applies must be in place; an excluded control or one answered not applicable does not count.',
  check(input) {
    const excluded = soaExcluded(input);
    const refs = inScopeRefs(input).controls.filter(
      (ref) => controlApplies(input, excluded, ref) && input.responses[ref] === 'nonconformant',
    );
    if (refs.length === 0) return [];
    return [
      {
        reason: `${refs.length} applicable Annex A ${plural(refs.length, 'control is', 'controls are')} nonconformant: ${listRefs(refs, 40)}.`,
        refs,
        stages: BOTH_STAGES,
      },
    ];
  },
};
