import type {
  Iso27001Reuse,
  Iso27001SheetRow,
  ReuseRequirement,
} from '../../../shared/contracts/iso27001';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { ISO_27001 } from '../../../shared/domain/iso27001-sheet';
import { relationRank } from '../../../shared/crosswalk/format';
import { suggestFrom27001 } from '../../../shared/rules/iso27001-suggest';
import { inScope } from '../../../shared/rules/scope';
import type { CoreContext } from '../context';
import { getAssessment } from '../assessments';
import { requirementIndex } from '../catalog';
import { rowsFrom42001 } from '../crosswalks';
import { listResponses } from '../responses';
import { listEvidence } from '../evidence';
import { latestImport } from './imports';

/** A name as compared: lower case, no file extension, letters and digits only. */
const comparable = (v: string) =>
  v
    .toLowerCase()
    .replace(/\.[a-z0-9]{1,5}$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The engagement's evidence items a sheet's reference names: same title or file name, or one
 * contains the other (at least four characters, so "A" or "ISMS" alone does not match everything).
 */
export function matchEvidence(reference: string, items: readonly EvidenceItem[]): EvidenceItem[] {
  const ref = comparable(reference);
  if (ref.length === 0) return [];
  const hits = (key: string) =>
    key.length > 0 &&
    (key === ref ||
      (ref.length >= 4 && key.length >= 4 && (key.includes(ref) || ref.includes(key))));
  return items
    .filter((i) => hits(comparable(i.title)) || hits(comparable(i.originalName)))
    .slice(0, 5);
}

/**
 * What the client's 27001 sheet says for each 42001 requirement of an assessment: the 27001
 * clauses and controls our crosswalk relates to it with the sheet's row for each, the answer that
 * suggests (shared/rules/iso27001-suggest.ts; never recorded here) and the engagement's evidence
 * items the sheet names. Requirements are matched by ref in the assessment's own framework.
 */
export function iso27001Reuse(ctx: CoreContext, assessmentId: string): Iso27001Reuse {
  const assessment = getAssessment(ctx, assessmentId);
  const source = latestImport(ctx, assessment.engagementId);
  const sheet = new Map<string, Iso27001SheetRow>(source?.sheetRows.map((r) => [r.ref, r]) ?? []);
  const titles27001 = new Map(
    [...requirementIndex(ctx, ISO_27001).byId.values()].map((r) => [r.ref, r.title]),
  );
  const related = rowsFrom42001(ctx, ISO_27001, 'from');
  const results = new Map(listResponses(ctx, assessmentId).map((r) => [r.requirementId, r.result]));
  const evidence = source ? listEvidence(ctx, { engagementId: assessment.engagementId }) : [];
  const counts = { informed: 0, suggestions: 0, differing: 0, evidenceOffers: 0 };

  const requirements: ReuseRequirement[] = [];
  for (const requirement of requirementIndex(ctx, assessment.frameworkId).assessable) {
    const rows = [...(related.get(requirement.ref) ?? [])].sort(
      (a, b) => relationRank[a.relation] - relationRank[b.relation],
    );
    if (rows.length === 0) continue;
    const links = rows.map((row) => ({
      ref: row.to,
      title: titles27001.get(row.to) ?? row.to,
      relation: row.relation,
      confidence: row.confidence,
      rationale: row.rationale,
      sheet: sheet.get(row.to) ?? null,
    }));
    const result = results.get(requirement.id) ?? 'not-assessed';
    const scoped = inScope(requirement.ref, assessment.excludedAreas);
    const suggestion = scoped ? suggestFrom27001(links) : null;
    const named = links.flatMap((l) =>
      l.sheet && l.sheet.applicability !== 'not-applicable'
        ? l.sheet.evidence.map((reference) => ({ reference, from: l.ref }))
        : [],
    );
    const linked =
      named.length > 0
        ? new Set(
            listEvidence(ctx, {
              engagementId: assessment.engagementId,
              requirementId: requirement.id,
            }).map((i) => i.id),
          )
        : new Set<string>();
    const offers = named.map(({ reference, from }) => ({
      reference,
      from,
      items: matchEvidence(reference, evidence).map((i) => ({
        id: i.id,
        title: i.title,
        originalName: i.originalName,
        linked: linked.has(i.id),
      })),
    }));
    if (links.some((l) => l.sheet)) counts.informed += 1;
    if (suggestion) counts.suggestions += 1;
    if (suggestion && suggestion.result !== result) counts.differing += 1;
    counts.evidenceOffers += offers.filter((o) => o.items.some((i) => !i.linked)).length;
    requirements.push({
      requirementId: requirement.id,
      ref: requirement.ref,
      title: requirement.title,
      result,
      inScope: scoped,
      related: links,
      suggestion,
      evidence: offers,
    });
  }
  const summary = source ? (({ sheetRows: _rows, ...rest }) => rest)(source) : null;
  return {
    assessmentId,
    engagementId: assessment.engagementId,
    source: summary,
    requirements,
    counts,
  };
}
