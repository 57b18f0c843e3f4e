/**
 * The EU AI Act and NIST AI RMF coverage sections in the PDF (words and columns in
 * ../content/eu-ai-act.ts and ../content/nist.ts, shared with the Word document).
 */
import type { ObligationView } from '../../../../shared/contracts/eu-ai-act';
import {
  euAiActIntro,
  noEuAiActSystems,
  noObligations,
  obligationGroups,
  obligationText,
  scopedSystemColumns,
  supportingColumns,
  unscopedLine,
} from '../content/eu-ai-act';
import {
  nistCategories,
  nistColumns,
  nistFunctionsLine,
  nistIntro,
  nistLevelColour,
  nistLevelNames,
  nistLevels,
  nistMaxCount,
} from '../content/nist';
import type { ReportData } from '../types';
import { subHeading } from './chrome';
import { colour, h, s, table, type Node, type Pdf } from './kit';

/** The supporting requirements as compact rows without a header (ref, title, result muted). */
function supportingRows(P: Pdf, o: ObligationView): Node {
  const [ref, title, result] = supportingColumns;
  if (!ref || !title || !result) return null;
  return h(
    P.View,
    null,
    ...o.supporting.map((r) =>
      h(
        P.View,
        { key: r.ref, style: [s.row, { fontSize: 8, marginBottom: 1 }] },
        h(P.Text, { style: { width: 44, fontWeight: 'bold' } }, ref.cell(r)),
        h(P.Text, { style: { flexGrow: 1, flexBasis: 0 } }, title.cell(r)),
        h(P.Text, { style: { width: 120, color: colour.muted } }, result.cell(r)),
      ),
    ),
  );
}

function obligationBlock(P: Pdf, o: ObligationView): Node {
  const t = obligationText(o);
  return h(
    P.View,
    { key: o.id, style: { marginBottom: 8 }, wrap: false },
    h(P.Text, { style: s.h3 }, t.title),
    h(P.Text, { style: [s.small, { marginBottom: 2 }] }, t.systems),
    h(P.Text, { style: s.p }, o.summary),
    ...t.conditions.map((c, i) => h(P.Text, { key: `c${i}`, style: [s.p, s.italic, s.muted] }, c)),
    h(P.Text, { style: s.p }, h(P.Text, { style: s.bold }, t.beyondLabel), o.beyond42001),
    o.supporting.length === 0 ? h(P.Text, { style: s.muted }, t.noSupport) : supportingRows(P, o),
  );
}

/** The EU AI Act: systems as scoped, obligations 42001 helps with, and those it does not cover. */
export function euAiAct(P: Pdf, d: ReportData): Node[] {
  const v = d.euAiAct;
  if (!v || v.systems.length === 0)
    return [h(P.Text, { key: 'none', style: s.muted }, noEuAiActSystems)];
  const unscoped = unscopedLine(v);
  return [
    h(P.Text, { key: 'intro', style: s.p }, euAiActIntro),
    ...table(P, scopedSystemColumns, v.systems, (x) => x.id, true),
    ...(unscoped ? [h(P.Text, { key: 'gaps', style: [s.p, s.italic] }, unscoped)] : []),
    ...obligationGroups(v).flatMap((g) => [
      subHeading(P, g.heading),
      ...(g.intro ? [h(P.Text, { key: `${g.key}-intro`, style: s.p }, g.intro)] : []),
      ...(g.obligations.length > 0
        ? g.obligations.map((o) => obligationBlock(P, o))
        : [h(P.Text, { key: `${g.key}-none`, style: s.muted }, noObligations)]),
    ]),
  ];
}

/** NIST AI RMF coverage: a stacked bar per category (drawn with Views) and the counts behind it. */
export function nistCoverage(P: Pdf, d: ReportData): Node[] {
  const c = d.nistCoverage;
  if (!c) return [];
  const categories = nistCategories(c);
  const max = nistMaxCount(categories);
  const legend = h(
    P.View,
    { key: 'legend', style: [s.row, { marginBottom: 6 }] },
    ...nistLevels.map((l) =>
      h(
        P.View,
        { key: l, style: [s.row, { marginRight: 10, alignItems: 'center' }] },
        h(P.View, {
          style: { width: 8, height: 8, backgroundColor: nistLevelColour(l), marginRight: 3 },
        }),
        h(P.Text, { style: s.small }, nistLevelNames[l]),
      ),
    ),
  );
  const chart = h(
    P.View,
    { key: 'chart', style: { marginBottom: 10 }, wrap: false },
    legend,
    ...categories.map((x) =>
      h(
        P.View,
        { key: x.id, style: [s.row, { alignItems: 'center', marginBottom: 2 }] },
        h(P.Text, { style: [s.small, { width: 64 }] }, x.id),
        ...nistLevels
          .filter((l) => x.counts[l] > 0)
          .map((l) =>
            h(P.View, {
              key: l,
              style: {
                width: (300 * x.counts[l]) / max,
                height: 9,
                backgroundColor: nistLevelColour(l),
              },
            }),
          ),
        h(P.Text, { style: [s.small, { marginLeft: 4 }] }, `${x.score} %`),
      ),
    ),
  );
  return [
    h(P.Text, { key: 'intro', style: s.p }, nistIntro(c)),
    h(P.Text, { key: 'functions', style: s.p }, nistFunctionsLine(c)),
    chart,
    ...table(P, nistColumns, categories, (x) => x.id),
  ];
}
