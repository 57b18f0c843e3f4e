import type { Risk } from '../../../../shared/contracts/risks';
import type { RegisterFilters } from '../../stores/risk-register';

export const NO_SYSTEM = '(no AI system)';

/** The level a risk stands at now: residual once it is rated, inherent before. */
export const currentBand = (r: Risk) => r.residualBand ?? r.inherentBand;

/** Lower-cased text to search per risk, computed once per list rather than on every keystroke. */
export function searchIndex(risks: Risk[]): Map<string, string> {
  return new Map(
    risks.map((r) => [
      r.id,
      `${r.ref}\n${r.title}\n${r.description}\n${r.owner}\n${r.treatmentPlan}\n${r.controlRefs.join(' ')}`.toLowerCase(),
    ]),
  );
}

/** Filters the register; the heat-map cell counts use all filters but the cell itself. */
export function filterRisks(
  risks: Risk[],
  index: Map<string, string>,
  f: RegisterFilters,
  ignoreCell = false,
): Risk[] {
  const text = f.text.trim().toLowerCase();
  const cell = ignoreCell ? null : f.cell;
  return risks.filter((r) => {
    if (text && !(index.get(r.id) ?? '').includes(text)) return false;
    if (f.band && currentBand(r) !== f.band) return false;
    if (f.status && r.status !== f.status) return false;
    if (f.owner && r.owner !== f.owner) return false;
    if (f.source && r.riskSource !== f.source) return false;
    if (f.system) {
      if (f.system === NO_SYSTEM ? r.aiSystemNames.length > 0 : !r.aiSystemNames.includes(f.system))
        return false;
    }
    if (cell) {
      const [l, i] =
        cell.kind === 'inherent'
          ? [r.likelihood, r.impact]
          : [r.residualLikelihood, r.residualImpact];
      if (l !== cell.likelihood || i !== cell.impact) return false;
    }
    return true;
  });
}
