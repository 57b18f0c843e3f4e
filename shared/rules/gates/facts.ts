import { compareRefs, inScope, isAnnexA } from '../scope';
import type { ReadinessInput } from './types';

/** Facts several gates read, derived the same way for all of them. */
export function inScopeRefs(input: ReadinessInput): { clauses: string[]; controls: string[] } {
  const refs = input.requirements
    .map((r) => r.ref)
    .filter((ref) => inScope(ref, input.excludedAreas));
  return { clauses: refs.filter((r) => !isAnnexA(r)), controls: refs.filter(isAnnexA) };
}

/** Controls the SoA records as excluded. */
export function soaExcluded(input: ReadinessInput): Set<string> {
  return new Set(input.soa.filter((d) => !d.applicable).map((d) => d.ref));
}

/** Whether a control applies: not excluded in the SoA and not answered "not applicable". */
export function controlApplies(input: ReadinessInput, excluded: ReadonlySet<string>, ref: string) {
  return !excluded.has(ref) && input.responses[ref] !== 'not-applicable';
}

/** "A.2.2, A.5.3 and A.6.2.4", or the first `max` and how many more: reasons stay readable. */
export function listRefs(refs: readonly string[], max = 12): string {
  const sorted = [...new Set(refs)].sort(compareRefs);
  if (sorted.length <= max) {
    if (sorted.length <= 1) return sorted.join('');
    return `${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
  }
  return `${sorted.slice(0, max).join(', ')} and ${sorted.length - max} more`;
}

export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
