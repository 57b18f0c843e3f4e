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

const searchText = (f: RegisterFilters) => f.text.trim().toLowerCase();

/** True when `next` can only let through fewer risks than `prev`: the same choices, longer text. */
function narrows(prev: RegisterFilters, next: RegisterFilters): boolean {
  return (
    prev.band === next.band &&
    prev.status === next.status &&
    prev.owner === next.owner &&
    prev.source === next.source &&
    prev.system === next.system &&
    searchText(next).includes(searchText(prev))
  );
}

/**
 * The filtering of one register (its search index built once), remembering its last answer: a
 * keystroke that lengthens the search text only looks through the risks that matched before,
 * which are all a longer text can match. Gives the rows for the heat maps (every filter but the
 * cell) and the rows shown (the cell as well).
 */
export function registerFilter(risks: Risk[]) {
  const index = searchIndex(risks);
  let last: { filters: RegisterFilters; forHeat: Risk[] } | null = null;
  return (filters: RegisterFilters): { forHeat: Risk[]; shown: Risk[] } => {
    const from = last && narrows(last.filters, filters) ? last.forHeat : risks;
    const forHeat = filterRisks(from, index, filters, true);
    last = { filters, forHeat };
    const shown = filters.cell
      ? filterRisks(forHeat, index, { ...filters, text: '', cell: filters.cell })
      : forHeat;
    return { forHeat, shown };
  };
}
