import type { ReportComparedFinding, ReportComparison, ReportData } from '../types';
import { subHeading } from './chrome';
import { colour, h, pct, s, scoreColour, table, type Node, type Pdf } from './kit';

const changeColour: Record<string, string> = {
  improved: colour.good,
  worsened: colour.poor,
  new: colour.accent,
};

/** Readiness per cycle as horizontal bars: the trend a reader takes in at a glance. */
function trendBars(P: Pdf, c: ReportComparison): Node {
  const full = 260;
  return h(
    P.View,
    { key: 'trend', wrap: false, style: { marginBottom: 8 } },
    ...c.trend.map((p, i) =>
      h(
        P.View,
        { key: `t${i}`, style: [s.row, { alignItems: 'center', marginBottom: 3 }] },
        h(P.Text, { style: { width: 150, fontSize: 8 } }, p.title),
        h(
          P.View,
          { style: { width: full, height: 9, backgroundColor: colour.rule } },
          h(P.View, {
            style: {
              width: Math.max(0, Math.min(1, p.score ?? 0)) * full,
              height: 9,
              backgroundColor: scoreColour(p.score),
            },
          }),
        ),
        h(
          P.Text,
          { style: { marginLeft: 6, fontSize: 8 } },
          `${pct(p.score)} · ${p.verdict} · ${p.openFindings} open finding${p.openFindings === 1 ? '' : 's'} · ${p.final ? `final ${p.at}` : 'in progress'}`,
        ),
      ),
    ),
  );
}

/** One list of findings; `label` heads its first column, which also keeps two tables apart. */
function findingTable(P: Pdf, label: string, rows: ReportComparedFinding[], empty: string): Node[] {
  if (rows.length === 0) return [h(P.Text, { key: `none-${empty}`, style: s.muted }, empty)];
  return table(
    P,
    [
      { title: label, width: 48, cell: (x) => x.ref },
      { title: 'Raised in', width: 110, cell: (x) => `${x.raisedIn}\n${x.requirementRef}` },
      { title: 'Grade', width: 70, cell: (x) => x.grade },
      { title: 'Statement', width: '*', cell: (x) => x.statement },
    ],
    rows,
    (x) => `${empty}-${x.ref}-${x.raisedIn}`,
    true,
  );
}

/**
 * What changed since the previous assessment: scores, the requirements whose result moved, the
 * findings opened and closed in between, SoA and risk-level changes, and the trend over all.
 */
export function comparison(P: Pdf, d: ReportData): Node[] {
  const c = d.comparison;
  if (!c) return [];
  const n = c.counts;
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      `Compared with “${c.previousTitle}” (as of ${c.previousAsOf}), readiness went from ${pct(c.score.before)} to ${pct(c.score.after)} and the verdict from ${c.verdict.before} to ${c.verdict.after}. ${n.improved} requirement${n.improved === 1 ? '' : 's'} improved, ${n.worsened} worsened, ${n.unchanged} stayed the same and ${n.new} ${n.new === 1 ? 'is' : 'are'} new; ${n.notCompared} could not be compared (not yet assessed, out of scope or no longer applicable).`,
    ),
    subHeading(P, 'Readiness over every cycle', false),
    trendBars(P, c),
    subHeading(P, 'Findings opened and closed', false),
    h(
      P.Text,
      { key: 'stillopen', style: s.p },
      `${c.opened.length} raised and ${c.closed.length} closed since the previous assessment; ${c.stillOpen} open at both times.`,
    ),
    ...findingTable(P, 'Opened', c.opened, 'No finding was raised in between.'),
    ...findingTable(P, 'Closed', c.closed, 'No finding was closed in between.'),
    subHeading(P, 'Statement of Applicability and risks', false),
    h(
      P.Text,
      { key: 'soa', style: s.p },
      c.soa.length === 0
        ? 'No Statement of Applicability decision changed.'
        : c.soa.map((x) => `${x.ref} ${x.title}: ${x.change.toLowerCase()}`).join('; '),
    ),
    h(
      P.Text,
      { key: 'risks', style: s.p },
      `Risk register: ${c.risks.before} risks then, ${c.risks.after} now (${c.risks.summary}).`,
    ),
    subHeading(P, 'Requirements whose result changed', false),
    c.changed.length === 0
      ? h(P.Text, { key: 'nochange', style: s.muted }, 'No result changed.')
      : table(
          P,
          [
            { title: 'Ref', width: 44, cell: (x) => x.ref },
            { title: 'Requirement', width: '*', cell: (x) => x.title },
            { title: 'Then', width: 100, cell: (x) => x.before },
            { title: 'Now', width: 100, cell: (x) => x.after },
            {
              title: 'Change',
              width: 60,
              cell: (x) =>
                h(
                  P.Text,
                  { style: { color: changeColour[x.changeKey] ?? colour.ink, fontWeight: 'bold' } },
                  x.change,
                ),
            },
          ],
          c.changed,
          (x) => x.ref,
        ),
  ];
}
