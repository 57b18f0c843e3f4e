import { areaOf, isAnnexA } from '../scope';
import { listRefs, plural } from './facts';
import { BOTH_STAGES, type Blocker, type Gate } from './types';

/**
 * Clauses 4–10 are the management system itself: an organisation cannot leave one out of scope or
 * declare one not applicable and be certified. Annex A areas may be left out (the SoA decides).
 */
export const clauseScopeGate: Gate = {
  id: 'clause-scope',
  label: 'Every clause of 4–10 in scope and applicable',
  rule: 'Clauses 4–10 are mandatory: none may be left out of the assessment or marked not applicable.',
  check(input) {
    const clauses = input.requirements.map((r) => r.ref).filter((ref) => !isAnnexA(ref));
    const outOfScope = [...new Set(clauses.map(areaOf))].filter((area) =>
      input.excludedAreas.includes(area),
    );
    const blockers: Blocker[] = [];
    if (outOfScope.length > 0) {
      blockers.push({
        reason: `${plural(outOfScope.length, 'Clause', 'Clauses')} ${listRefs(outOfScope)} ${plural(outOfScope.length, 'is', 'are')} left out of the assessment's scope, yet clauses 4–10 are mandatory.`,
        refs: clauses.filter((ref) => outOfScope.includes(areaOf(ref))),
        stages: BOTH_STAGES,
      });
    }
    const notApplicable = clauses.filter(
      (ref) =>
        !input.excludedAreas.includes(areaOf(ref)) && input.responses[ref] === 'not-applicable',
    );
    if (notApplicable.length > 0) {
      blockers.push({
        reason: `Clauses 4–10 are mandatory, yet ${listRefs(notApplicable)} ${plural(notApplicable.length, 'is', 'are')} marked not applicable.`,
        refs: notApplicable,
        stages: BOTH_STAGES,
      });
    }
    return blockers;
  },
};
