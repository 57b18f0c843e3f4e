/** The words and columns of "Since the previous assessment", for both renderers. */
import { colour } from '../charts/colours';
import type { ReportComparedFinding, ReportComparison } from '../types';
import type { Column } from './columns';
import { pct } from './front';

type Changed = ReportComparison['changed'][number];
type TrendPoint = ReportComparison['trend'][number];

export function comparisonIntro(c: ReportComparison): string {
  const n = c.counts;
  return `Compared with “${c.previousTitle}” (as of ${c.previousAsOf}), readiness went from ${pct(c.score.before)} to ${pct(c.score.after)} and the verdict from ${c.verdict.before} to ${c.verdict.after}. ${n.improved} requirement${n.improved === 1 ? '' : 's'} improved, ${n.worsened} worsened, ${n.unchanged} stayed the same and ${n.new} ${n.new === 1 ? 'is' : 'are'} new; ${n.notCompared} could not be compared (not yet assessed, out of scope or no longer applicable).`;
}

export const comparisonHeadings = {
  trend: 'Readiness over every cycle',
  findings: 'Findings opened and closed',
  soaRisks: 'Statement of Applicability and risks',
  changed: 'Requirements whose result changed',
} as const;

/** What the bar of one cycle does not show: its verdict, open findings and whether it is final. */
export const trendNote = (p: TrendPoint): string =>
  `${pct(p.score)} · ${p.verdict} · ${p.openFindings} open finding${p.openFindings === 1 ? '' : 's'} · ${p.final ? `final ${p.at}` : 'in progress'}`;

export const findingsMovedLine = (c: ReportComparison): string =>
  `${c.opened.length} raised and ${c.closed.length} closed since the previous assessment; ${c.stillOpen} open at both times.`;

/** The two finding lists: `label` heads the first column, which also keeps the tables apart. */
export const findingLists = (c: ReportComparison) =>
  [
    { label: 'Opened', rows: c.opened, empty: 'No finding was raised in between.' },
    { label: 'Closed', rows: c.closed, empty: 'No finding was closed in between.' },
  ] as const;

export const comparedFindingColumns = (label: string): Column<ReportComparedFinding>[] => [
  { title: label, width: 48, cell: (x) => x.ref },
  { title: 'Raised in', width: 110, cell: (x) => `${x.raisedIn}\n${x.requirementRef}` },
  { title: 'Grade', width: 70, cell: (x) => x.grade },
  { title: 'Statement', width: '*', cell: (x) => x.statement },
];

export const soaChangesLine = (c: ReportComparison): string =>
  c.soa.length === 0
    ? 'No Statement of Applicability decision changed.'
    : c.soa.map((x) => `${x.ref} ${x.title}: ${x.change.toLowerCase()}`).join('; ');

export const riskChangesLine = (c: ReportComparison): string =>
  `Risk register: ${c.risks.before} risks then, ${c.risks.after} now (${c.risks.summary}).`;

export const noResultChanged = 'No result changed.';

const changeColour = (key: string): string =>
  ({ improved: colour.good, worsened: colour.poor, new: colour.accent })[key] ?? colour.ink;

export const changedColumns: Column<Changed>[] = [
  { title: 'Ref', width: 44, cell: (x) => x.ref },
  { title: 'Requirement', width: '*', cell: (x) => x.title },
  { title: 'Then', width: 100, cell: (x) => x.before },
  { title: 'Now', width: 100, cell: (x) => x.after },
  {
    title: 'Change',
    width: 60,
    cell: () => '',
    mark: (x) => ({ text: x.change, colour: changeColour(x.changeKey) }),
  },
];
