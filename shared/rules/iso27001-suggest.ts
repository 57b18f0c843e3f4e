import {
  implementationStatusLabels,
  type ImplementationStatus,
  type Result,
} from '../domain/assessment';
import type { CrosswalkRelation } from '../crosswalk/format';
import type { Applicability } from '../domain/iso27001-sheet';

/** A 27001 clause or control our crosswalk relates to a 42001 requirement, with the sheet's row. */
export interface SuggestionLink {
  ref: string;
  relation: CrosswalkRelation;
  sheet: { applicability: Applicability | null; status: ImplementationStatus | null } | null;
}

export type SuggestedResult = Extract<
  Result,
  'conformant' | 'partially-conformant' | 'nonconformant'
>;

export interface Suggestion {
  result: SuggestedResult;
  /** Why, in our words, naming the 27001 rows it rests on. */
  why: string;
  /** The 27001 refs it rests on. */
  basis: string[];
}

const relationWords: Record<CrosswalkRelation, string> = {
  equivalent: 'the same requirement',
  'covers-part': 'part of this requirement',
  supports: 'support only',
};

/** A row counts when it is equivalent or covers part, applies, and says how far it is done. */
function usable(link: SuggestionLink): link is SuggestionLink & {
  sheet: { applicability: Applicability | null; status: ImplementationStatus };
} {
  const s = link.sheet;
  return (
    link.relation !== 'supports' &&
    s !== null &&
    s.applicability !== 'not-applicable' &&
    s.status !== null &&
    s.status !== 'not-applicable'
  );
}

/**
 * What the client's 27001 sheet suggests for one 42001 requirement, or null when it says nothing
 * usable. Only rows our crosswalk marks equivalent or covers-part count; "supports" rows and
 * controls the client excluded from its ISMS never do (applicability to the AIMS is decided on its
 * own). Equivalent rows all implemented suggest conformant, all not implemented nonconformant,
 * anything between partially conformant. Rows that cover only part can suggest at best partially
 * conformant: the AI-specific part is never shown by a 27001 record. It is a suggestion the
 * consultant confirms or ignores; nothing here records an answer.
 */
export function suggestFrom27001(links: readonly SuggestionLink[]): Suggestion | null {
  const rows = links.filter(usable);
  if (rows.length === 0) return null;
  const equivalent = rows.filter((l) => l.relation === 'equivalent');
  const deciding = equivalent.length > 0 ? equivalent : rows;
  const all = (status: ImplementationStatus) => deciding.every((l) => l.sheet.status === status);
  let result: SuggestedResult;
  let rule: string;
  if (all('not-implemented')) {
    result = 'nonconformant';
    rule =
      equivalent.length > 0
        ? 'The sheet says the matching control is not in place, so the requirement is not met either.'
        : 'The part of this requirement the 27001 side would give is not in place.';
  } else if (equivalent.length > 0 && all('implemented')) {
    result = 'conformant';
    rule =
      'The sheet records the matching requirement as implemented; confirm that it reaches the AI systems in scope before accepting.';
  } else {
    result = 'partially-conformant';
    rule =
      equivalent.length > 0
        ? 'The matching requirement is only partly in place on the 27001 side.'
        : 'A 27001 record can show only part of this requirement; the AI-specific part needs its own evidence.';
  }
  const basis = rows.map(
    (l) =>
      `${l.ref} ${implementationStatusLabels[l.sheet.status].toLowerCase()} (${relationWords[l.relation]})`,
  );
  return {
    result,
    why: `From the client's ISO/IEC 27001 sheet: ${basis.join('; ')}. ${rule}`,
    basis: rows.map((l) => l.ref),
  };
}
