/** The words and tables of the AI systems, risk register and impact sections, for both renderers. */
import type { ReportData, ReportRisk, RiskSummary } from '../types';
import type { Column } from './columns';

type AiSystem = ReportData['aiSystems'][number];
type Impact = ReportData['impactAssessments'][number];
type BandCount = RiskSummary['byBand'][number];

export const noSystems = 'No AI systems are recorded for this engagement.';

export function aiSystemFacts(x: AiSystem): [string, string][] {
  return [
    ['Purpose', x.purpose],
    ['Organisation’s role', x.orgRole],
    ['Life-cycle stage', x.lifecycleStage],
    ['Model type', x.modelType],
    ['Data categories', x.dataCategories.join(', ')],
    ['Owner', x.owner],
    ['Risks recorded', String(x.riskCount)],
  ];
}

export const noRisks = 'No risks are recorded for this engagement.';

export function riskIntro(r: RiskSummary): string {
  return `${r.total} risks are recorded. Levels follow the engagement’s risk criteria (version ${r.criteria.version}${r.criteria.version === 0 ? ', the defaults' : ''}): score = likelihood × impact; scores up to ${r.criteria.acceptanceThreshold} may be accepted without treatment.${r.staleCount > 0 ? ` ${r.staleCount} risks were rated under older criteria and should be re-rated.` : ''}`;
}

export const heatMapTitles = { inherent: 'Inherent risk', residual: 'Residual risk' } as const;
export const heatMapAxes = 'Likelihood (rows) × impact (columns)';

export const bandLegend = (r: RiskSummary): string[] =>
  r.criteria.bands.map((b) => `${b.name} (from ${b.minScore})`);

export const bandColumns: Column<BandCount>[] = [
  { title: 'Band', width: '*', cell: (x) => x.band },
  { title: 'Inherent', width: 80, cell: (x) => String(x.inherent) },
  { title: 'Residual', width: 80, cell: (x) => String(x.residual) },
];

export const statusLine = (r: RiskSummary): string =>
  `By status: ${r.byStatus.map((x) => `${x.status} ${x.count}`).join(' · ')}`;

export const registerHeading = (r: RiskSummary): string =>
  r.listedAll ? 'Risk register' : `The ${r.listed.length} highest-rated risks`;

export const registerNote = (r: RiskSummary): string | null =>
  r.listedAll
    ? null
    : `Ordered by current level; all ${r.total} risks are in the register's spreadsheet export (Risks → Export).`;

export const riskColumns: Column<ReportRisk>[] = [
  { title: 'Ref', width: 40, cell: (x) => x.ref },
  {
    title: 'Risk',
    width: '*',
    cell: (x) => `${x.title}${x.systems.length ? `\n${x.systems.join(', ')}` : ''}`,
  },
  { title: 'Inherent', width: 52, cell: (x) => x.inherent },
  { title: 'Treatment', width: 70, cell: (x) => x.treatment },
  { title: 'Controls', width: 62, cell: (x) => x.controls.join(', ') || '—' },
  { title: 'Residual', width: 52, cell: (x) => x.residual },
  { title: 'Owner / status', width: 70, cell: (x) => `${x.owner || '—'}\n${x.status}` },
];

export const noImpactAssessments = 'No AI system impact assessments are recorded.';

export const impactTitle = (a: Impact): string =>
  `${a.aiSystem} — severity ${a.severity}, likelihood ${a.likelihood}`;

export function impactFacts(a: Impact): [string, string][] {
  return [
    ['Affected', a.affected.join('; ')],
    ['Impact areas', a.areas.join(', ')],
    ['Measures in place', a.measuresInPlace],
    ['Measures planned', a.measuresPlanned],
    ['Outcome', a.outcome],
    ['Reviewed', [a.reviewer, a.reviewedOn].filter(Boolean).join(', ')],
    ['Risks raised', a.risks.join(', ')],
  ];
}
