import type { SoaRow } from '../../../shared/contracts/soa';
import type { ImplementationStatus, Result } from '../../../shared/domain/assessment';

const implementationFor: Record<Result, ImplementationStatus> = {
  conformant: 'implemented',
  'partially-conformant': 'partially-implemented',
  nonconformant: 'not-implemented',
  'not-assessed': 'not-implemented',
  'not-applicable': 'not-applicable',
};

/**
 * A suggested decision from the answers and the risk treatment. Only what the record itself
 * justifies gets text: an answer of "not applicable" (with its justification) or risks whose
 * treatment relies on the control. Anything else waits for a person to write why.
 */
export function suggestDecision(
  response: { result: Result; naJustification: string } | undefined,
  risks: { ref: string; title: string }[],
): SoaRow['suggestion'] {
  const result = response?.result ?? 'not-assessed';
  if (result === 'not-applicable' && risks.length === 0) {
    return {
      applicable: false,
      justification: response?.naJustification ?? '',
      implementationStatus: 'not-applicable',
    };
  }
  const justification =
    risks.length > 0
      ? `Selected to treat ${risks.length === 1 ? 'risk' : 'risks'} ${risks.map((r) => `${r.ref} (${r.title})`).join('; ')}.`
      : '';
  return {
    applicable: true,
    justification,
    implementationStatus:
      result === 'not-applicable' ? 'not-implemented' : implementationFor[result],
  };
}
