import type { Risk } from '../../../../shared/contracts/risks';
import { noFilters, type HeatCell, type RegisterFilters } from '../../stores/risk-register';

export const NO_SYSTEM = '(no AI system)';

/** The level a risk stands at now: residual once it is rated, inherent before. */
export const currentBand = (r: Risk) => r.residualBand ?? r.inherentBand;

/** A risk's lower-cased text to search: its ref, title, description, owner, plan and controls. */
const searchable = (r: Risk) =>
  `${r.ref}\n${r.title}\n${r.description}\n${r.owner}\n${r.treatmentPlan}\n${r.controlRefs.join(' ')}`.toLowerCase();

/** Lower-cased text to search per risk, computed once per list rather than on every keystroke. */
export function searchIndex(risks: Risk[]): Map<string, string> {
  return new Map(risks.map((r) => [r.id, searchable(r)]));
}

/** Whether a risk passes the filters' choices (all but the search text) and the cell, if any. */
function passesChoices(r: Risk, f: RegisterFilters, cell: HeatCell | null): boolean {
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
}

const searchText = (f: RegisterFilters) => f.text.trim().toLowerCase();

/** Filters the register; the heat-map cell counts use all filters but the cell itself. */
export function filterRisks(
  risks: Risk[],
  index: Map<string, string>,
  f: RegisterFilters,
  ignoreCell = false,
): Risk[] {
  const text = searchText(f);
  const cell = ignoreCell ? null : f.cell;
  return risks.filter(
    (r) => (!text || (index.get(r.id) ?? '').includes(text)) && passesChoices(r, f, cell),
  );
}

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

/** The register as the filters leave it. */
export interface FilteredRegister {
  /** Every filter but the heat-map cell lets these through: what the heat maps count. */
  forHeat: Risk[];
  /** Every filter lets these through, in register order: the rows shown. */
  shown: Risk[];
  /** By a risk's place in the register: 1 if it is shown, else 0. */
  isShown: Uint8Array;
}

/**
 * The filtering of one register (its search text built once, by place), remembering its last
 * answer: a keystroke that lengthens the search text only looks through the places that matched
 * before, which are all a longer text can match. Works on places rather than ids: with 10,000
 * risks, looking each one's text and row up by id took most of a keystroke's time.
 */
export function registerFilter(risks: Risk[]) {
  const texts = risks.map(searchable);
  const everyPlace = Int32Array.from(risks.keys());
  let last: { filters: RegisterFilters; places: Int32Array } | null = null;
  return (filters: RegisterFilters): FilteredRegister => {
    const from = last && narrows(last.filters, filters) ? last.places : everyPlace;
    const text = searchText(filters);
    const places = new Int32Array(from.length);
    let n = 0;
    for (const place of from) {
      const risk = risks[place] as Risk;
      if (text && !(texts[place] as string).includes(text)) continue;
      if (!passesChoices(risk, filters, null)) continue;
      places[n++] = place;
    }
    const forHeatPlaces = places.subarray(0, n);
    last = { filters, places: forHeatPlaces };
    const isShown = new Uint8Array(risks.length);
    const forHeat: Risk[] = [];
    const shown: Risk[] = [];
    for (const place of forHeatPlaces) {
      const risk = risks[place] as Risk;
      forHeat.push(risk);
      if (filters.cell && !passesChoices(risk, noFilters, filters.cell)) continue;
      shown.push(risk);
      isShown[place] = 1;
    }
    return { forHeat, shown, isShown };
  };
}
