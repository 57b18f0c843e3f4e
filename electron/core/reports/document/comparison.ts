/** "Since the previous assessment" in the PDF (words and columns in ../content/comparison.ts). */
import {
  changedColumns,
  comparedFindingColumns,
  comparisonHeadings,
  comparisonIntro,
  findingLists,
  findingsMovedLine,
  noResultChanged,
  riskChangesLine,
  soaChangesLine,
  trendNote,
} from '../content/comparison';
import type { ReportComparison, ReportData } from '../types';
import { subHeading } from './chrome';
import { colour, h, s, scoreColour, table, type Node, type Pdf } from './kit';

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
        h(P.Text, { style: { marginLeft: 6, fontSize: 8 } }, trendNote(p)),
      ),
    ),
  );
}

/**
 * What changed since the previous assessment: scores, the requirements whose result moved, the
 * findings opened and closed in between, SoA and risk-level changes, and the trend over all.
 */
export function comparison(P: Pdf, d: ReportData): Node[] {
  const c = d.comparison;
  if (!c) return [];
  return [
    h(P.Text, { key: 'intro', style: s.p }, comparisonIntro(c)),
    subHeading(P, comparisonHeadings.trend, false),
    trendBars(P, c),
    subHeading(P, comparisonHeadings.findings, false),
    h(P.Text, { key: 'stillopen', style: s.p }, findingsMovedLine(c)),
    ...findingLists(c).flatMap((list) =>
      list.rows.length === 0
        ? [h(P.Text, { key: `none-${list.label}`, style: s.muted }, list.empty)]
        : table(
            P,
            comparedFindingColumns(list.label),
            [...list.rows],
            (x) => `${list.label}-${x.ref}-${x.raisedIn}`,
            true,
          ),
    ),
    subHeading(P, comparisonHeadings.soaRisks, false),
    h(P.Text, { key: 'soa', style: s.p }, soaChangesLine(c)),
    h(P.Text, { key: 'risks', style: s.p }, riskChangesLine(c)),
    subHeading(P, comparisonHeadings.changed, false),
    ...(c.changed.length === 0
      ? [h(P.Text, { key: 'nochange', style: s.muted }, noResultChanged)]
      : table(P, changedColumns, c.changed, (x) => x.ref)),
  ];
}
