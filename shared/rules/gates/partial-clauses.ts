import { areaOf } from '../scope';
import { inScopeRefs, listRefs } from './facts';
import { STAGE_2, type Blocker, type Gate } from './types';

/** A quarter or more of the applicable clause requirements only partly met reads as systemic. */
export const PARTIAL_CLAUSES_SHARE = 0.25;
/** So does half or more of one clause's requirements (at least two of them). */
export const PARTIAL_IN_ONE_CLAUSE = 0.5;

/**
 * Each clause requirement only partly met is a likely minor nonconformity at the on-site audit.
 * A few minors do not stop certification; many of them, or most of one clause, are read by an
 * auditor as a breakdown of the management system — a major. The documentation review may still
 * pass: a partial answer means the design exists but does not yet operate in full.
 */
export const partialClausesGate: Gate = {
  id: 'clauses-partial',
  label: 'Clause requirements met in full, but for a few',
  rule: `Fewer than a quarter of the clause requirements, and less than half of any one clause, only partially conformant.`,
  check(input) {
    const applicable = inScopeRefs(input).clauses.filter((ref) => {
      const result = input.responses[ref];
      return result !== 'not-applicable';
    });
    const partial = applicable.filter((ref) => input.responses[ref] === 'partially-conformant');
    const blockers: Blocker[] = [];
    if (applicable.length > 0 && partial.length / applicable.length >= PARTIAL_CLAUSES_SHARE) {
      blockers.push({
        reason: `${partial.length} of ${applicable.length} clause requirements are only partially conformant (${listRefs(partial)}): at a quarter or more, an auditor reads the minor gaps as a breakdown of the management system.`,
        refs: partial,
        stages: STAGE_2,
      });
    }
    const byClause = new Map<string, { all: number; partial: string[] }>();
    for (const ref of applicable) {
      const clause = areaOf(ref);
      const entry = byClause.get(clause) ?? { all: 0, partial: [] };
      entry.all += 1;
      if (input.responses[ref] === 'partially-conformant') entry.partial.push(ref);
      byClause.set(clause, entry);
    }
    const systemic = [...byClause.entries()].filter(
      ([, e]) => e.partial.length >= 2 && e.partial.length / e.all >= PARTIAL_IN_ONE_CLAUSE,
    );
    if (systemic.length > 0) {
      const clauses = systemic.map(
        ([clause, e]) => `clause ${clause} (${listRefs(e.partial)} of ${e.all})`,
      );
      blockers.push({
        reason: `Half or more of one clause only partially conformant: ${clauses.join('; ')}.`,
        refs: systemic.flatMap(([, e]) => e.partial),
        stages: STAGE_2,
      });
    }
    return blockers;
  },
};
