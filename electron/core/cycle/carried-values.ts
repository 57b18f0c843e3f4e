import { z } from 'zod';
import { scopingAnswerSchema, type ScopingAnswer } from '../../../shared/catalog/scoping';
import type { ScopingQuestion } from '../../../shared/catalog/guidance';
import {
  implementationStatuses,
  implementationStatusLabels,
} from '../../../shared/domain/assessment';

/** What each kind of carried decision stores in carried_items.value_json. */
export const carriedScopeValue = z.object({ excludedAreas: z.array(z.string()) });
export const carriedSoaValue = z.object({
  applicable: z.boolean(),
  justification: z.string(),
  implementationStatus: z.enum(implementationStatuses),
});
export const carriedScopingValue = scopingAnswerSchema;

export type CarriedScopeValue = z.infer<typeof carriedScopeValue>;
export type CarriedSoaValue = z.infer<typeof carriedSoaValue>;

/** Same decision, whatever order a list was written in. */
export function sameAnswer(a: ScopingAnswer | undefined, b: ScopingAnswer | undefined): boolean {
  const norm = (v: ScopingAnswer | undefined) => (Array.isArray(v) ? [...v].sort() : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export function sameAreas(a: readonly string[], b: readonly string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

export function sameSoa(a: CarriedSoaValue, b: CarriedSoaValue): boolean {
  return (
    a.applicable === b.applicable &&
    a.justification === b.justification &&
    a.implementationStatus === b.implementationStatus
  );
}

export function describeScope(value: CarriedScopeValue): string {
  return value.excludedAreas.length === 0
    ? 'Everything in scope (clauses 4–10 and all Annex A areas)'
    : `Left out: ${[...value.excludedAreas].sort().join(', ')}`;
}

export function describeScoping(question: ScopingQuestion | undefined, answer: ScopingAnswer) {
  if (typeof answer === 'boolean') return answer ? 'Yes' : 'No';
  if (answer.length === 0) return 'None of these';
  const labels = new Map(
    question?.answer === 'several' ? question.options.map((o) => [o.id, o.label]) : [],
  );
  return answer.map((id) => labels.get(id) ?? id).join(', ');
}

export function describeSoa(value: CarriedSoaValue): string {
  const decision = value.applicable
    ? `Applicable — ${implementationStatusLabels[value.implementationStatus].toLowerCase()}`
    : 'Excluded';
  return `${decision}. ${value.justification}`;
}
