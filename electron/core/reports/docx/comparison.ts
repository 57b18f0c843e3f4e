/**
 * "Since the previous assessment" in Word (words and columns in ../content/comparison.ts); the
 * readiness trend is the same bars as the PDF's, drawn as an image.
 */
import { scoreBars } from '../charts/score-bars';
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
import type { DocxContext } from './context';
import { figure, heading, muted, para, picture, small, table, type Block } from './kit';

export function comparison({ d, fontsDir }: DocxContext): Block[] {
  const c = d.comparison;
  if (!c) return [];
  const trend = scoreBars(
    c.trend.map((p) => ({ label: p.title, score: p.score })),
    comparisonHeadings.trend,
  );
  return [
    para(comparisonIntro(c)),
    heading(comparisonHeadings.trend, 2),
    figure([picture(trend, fontsDir, comparisonHeadings.trend)]),
    ...c.trend.map((p) => small(`${p.title}: ${trendNote(p)}`)),
    heading(comparisonHeadings.findings, 2),
    para(findingsMovedLine(c)),
    ...findingLists(c).flatMap((list) =>
      list.rows.length === 0
        ? [muted(list.empty)]
        : table(comparedFindingColumns(list.label), [...list.rows]),
    ),
    heading(comparisonHeadings.soaRisks, 2),
    para(soaChangesLine(c)),
    para(riskChangesLine(c)),
    heading(comparisonHeadings.changed, 2),
    ...(c.changed.length === 0 ? [muted(noResultChanged)] : table(changedColumns, c.changed)),
  ];
}
