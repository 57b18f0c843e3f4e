/** The words and columns of the EU AI Act section, for both renderers. */
import type { EuAiActView, ObligationView } from '../../../../shared/contracts/eu-ai-act';
import { resultLabels } from '../../../../shared/domain/assessment';
import { euAiActRoleLabels, euAiActRiskClassLabels } from '../../../../shared/domain/eu-ai-act';
import type { Column } from './columns';

type ScopedSystem = EuAiActView['systems'][number];
type Supporting = ObligationView['supporting'][number];

export const noEuAiActSystems =
  'No AI systems are recorded for this engagement, so no EU AI Act obligations were worked out.';

export const euAiActIntro =
  'The obligations below follow from each AI system’s role and risk class as recorded in this engagement. They are our plain reading of Regulation (EU) 2024/1689, not legal advice. For each, the ISO/IEC 42001 requirements our crosswalk relates to it are listed with this assessment’s result.';

export const scopedSystemColumns: Column<ScopedSystem>[] = [
  { title: 'AI system', width: '*', cell: (x) => x.name },
  {
    title: 'Role',
    width: 150,
    cell: (x) => x.roles.map((r) => euAiActRoleLabels[r]).join(', ') || 'Not determined',
  },
  {
    title: 'Risk class',
    width: 170,
    cell: (x) =>
      x.riskClass === null
        ? 'Not classified'
        : `${euAiActRiskClassLabels[x.riskClass]}${x.annexIiiPoint ? `, Annex III point ${x.annexIiiPoint}` : ''}`,
  },
];

/** The systems left out because their scoping is unfinished, or null when none is. */
export function unscopedLine(v: EuAiActView): string | null {
  const gaps = v.systems.filter((x) => x.gap);
  if (gaps.length === 0) return null;
  return `Not yet scoped, so not included below: ${gaps.map((x) => `${x.name} (${x.gap})`).join('; ')}.`;
}

/** The obligations 42001 helps with, then those it does not cover, each with its heading. */
export const obligationGroups = (v: EuAiActView) => [
  {
    key: 'partial',
    heading: 'Obligations ISO/IEC 42001 helps with',
    intro: null,
    obligations: v.obligations.filter((o) => o.coverage === 'partial'),
  },
  {
    key: 'none',
    heading: 'Obligations ISO/IEC 42001 does not cover',
    intro:
      'Conforming to ISO/IEC 42001 does not meet these obligations; the requirements listed may help, but the work has to be done under the Act.',
    obligations: v.obligations.filter((o) => o.coverage === 'none'),
  },
];

export const noObligations = 'None.';

const relationText = {
  equivalent: 'equivalent',
  'covers-part': 'covers part',
  supports: 'supports',
};

/** One obligation's title line, the systems it applies to and the conditions they carry. */
export function obligationText(o: ObligationView) {
  return {
    title: `${o.title} (${o.articles.map((a) => a.ref).join(', ')})`,
    systems: `AI systems: ${o.systems.map((x) => x.name).join(', ')}`,
    conditions: [...new Set(o.systems.flatMap((x) => (x.condition ? [x.condition] : [])))],
    beyondLabel: 'Beyond ISO/IEC 42001: ',
    noSupport: 'No ISO/IEC 42001 requirement relates to it in our crosswalk.',
  };
}

export const supportingColumns: Column<Supporting>[] = [
  { title: 'Ref', width: 44, cell: (r) => r.ref },
  { title: 'Requirement', width: '*', cell: (r) => `${r.title} (${relationText[r.relation]})` },
  {
    title: 'Result',
    width: 120,
    cell: (r) => (r.inScope ? resultLabels[r.result] : 'Out of scope'),
  },
];
