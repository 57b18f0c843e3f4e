import type { ObligationView } from '../../../../shared/contracts/eu-ai-act';
import { resultLabels } from '../../../../shared/domain/assessment';
import { euAiActRoleLabels, euAiActRiskClassLabels } from '../../../../shared/domain/eu-ai-act';
import type { ReportData } from '../types';
import { subHeading } from './chrome';
import { colour, h, s, table, type Node, type Pdf } from './kit';

const relationText = {
  equivalent: 'equivalent',
  'covers-part': 'covers part',
  supports: 'supports',
};

function obligationBlock(P: Pdf, o: ObligationView): Node {
  const conditions = [...new Set(o.systems.flatMap((x) => (x.condition ? [x.condition] : [])))];
  return h(
    P.View,
    { key: o.id, style: { marginBottom: 8 }, wrap: false },
    h(P.Text, { style: s.h3 }, `${o.title} (${o.articles.map((a) => a.ref).join(', ')})`),
    h(
      P.Text,
      { style: [s.small, { marginBottom: 2 }] },
      `AI systems: ${o.systems.map((x) => x.name).join(', ')}`,
    ),
    h(P.Text, { style: s.p }, o.summary),
    ...conditions.map((c, i) => h(P.Text, { key: `c${i}`, style: [s.p, s.italic, s.muted] }, c)),
    h(
      P.Text,
      { style: s.p },
      h(P.Text, { style: s.bold }, 'Beyond ISO/IEC 42001: '),
      o.beyond42001,
    ),
    o.supporting.length === 0
      ? h(
          P.Text,
          { style: s.muted },
          'No ISO/IEC 42001 requirement relates to it in our crosswalk.',
        )
      : h(
          P.View,
          null,
          ...o.supporting.map((r) =>
            h(
              P.View,
              { key: r.ref, style: [s.row, { fontSize: 8, marginBottom: 1 }] },
              h(P.Text, { style: { width: 44, fontWeight: 'bold' } }, r.ref),
              h(
                P.Text,
                { style: { flexGrow: 1, flexBasis: 0 } },
                `${r.title} (${relationText[r.relation]})`,
              ),
              h(
                P.Text,
                { style: { width: 120, color: colour.muted } },
                r.inScope ? resultLabels[r.result] : 'Out of scope',
              ),
            ),
          ),
        ),
  );
}

/** The EU AI Act: systems as scoped, obligations 42001 helps with, and those it does not cover. */
export function euAiAct(P: Pdf, d: ReportData): Node[] {
  const v = d.euAiAct;
  if (!v || v.systems.length === 0)
    return [
      h(
        P.Text,
        { key: 'none', style: s.muted },
        'No AI systems are recorded for this engagement, so no EU AI Act obligations were worked out.',
      ),
    ];
  const partial = v.obligations.filter((o) => o.coverage === 'partial');
  const none = v.obligations.filter((o) => o.coverage === 'none');
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      'The obligations below follow from each AI system’s role and risk class as recorded in this engagement. They are our plain reading of Regulation (EU) 2024/1689, not legal advice. For each, the ISO/IEC 42001 requirements our crosswalk relates to it are listed with this assessment’s result.',
    ),
    ...table(
      P,
      [
        { title: 'AI system', width: '*', cell: (x: (typeof v.systems)[number]) => x.name },
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
      ],
      v.systems,
      (x) => x.id,
      true,
    ),
    ...(v.systems.some((x) => x.gap)
      ? [
          h(
            P.Text,
            { key: 'gaps', style: [s.p, s.italic] },
            `Not yet scoped, so not included below: ${v.systems
              .filter((x) => x.gap)
              .map((x) => `${x.name} (${x.gap})`)
              .join('; ')}.`,
          ),
        ]
      : []),
    subHeading(P, 'Obligations ISO/IEC 42001 helps with'),
    ...(partial.length > 0
      ? partial.map((o) => obligationBlock(P, o))
      : [h(P.Text, { key: 'np', style: s.muted }, 'None.')]),
    subHeading(P, 'Obligations ISO/IEC 42001 does not cover'),
    h(
      P.Text,
      { key: 'none-intro', style: s.p },
      'Conforming to ISO/IEC 42001 does not meet these obligations; the requirements listed may help, but the work has to be done under the Act.',
    ),
    ...(none.length > 0
      ? none.map((o) => obligationBlock(P, o))
      : [h(P.Text, { key: 'nn', style: s.muted }, 'None.')]),
  ];
}

const levelColours = {
  supported: colour.good,
  partly: colour.fair,
  unsupported: colour.poor,
  unmapped: colour.na,
} as const;
const levelNames = {
  supported: 'supported',
  partly: 'partly supported',
  unsupported: 'not supported yet',
  unmapped: 'no 42001 counterpart',
} as const;
const levels = ['supported', 'partly', 'unsupported', 'unmapped'] as const;

/** NIST AI RMF coverage: a stacked bar per category (drawn with Views) and the counts behind it. */
export function nistCoverage(P: Pdf, d: ReportData): Node[] {
  const c = d.nistCoverage;
  if (!c) return [];
  const categories = c.functions.flatMap((f) => f.categories);
  const max = Math.max(1, ...categories.map((x) => levels.reduce((n, l) => n + x.counts[l], 0)));
  const legend = h(
    P.View,
    { key: 'legend', style: [s.row, { marginBottom: 6 }] },
    ...levels.map((l) =>
      h(
        P.View,
        { key: l, style: [s.row, { marginRight: 10, alignItems: 'center' }] },
        h(P.View, {
          style: { width: 8, height: 8, backgroundColor: levelColours[l], marginRight: 3 },
        }),
        h(P.Text, { style: s.small }, levelNames[l]),
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
        ...levels
          .filter((l) => x.counts[l] > 0)
          .map((l) =>
            h(P.View, {
              key: l,
              style: {
                width: (300 * x.counts[l]) / max,
                height: 9,
                backgroundColor: levelColours[l],
              },
            }),
          ),
        h(P.Text, { style: [s.small, { marginLeft: 4 }] }, `${x.score} %`),
      ),
    ),
  );
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      `How far this assessment supports the 72 subcategories of the NIST AI RMF 1.0 through our crosswalk: overall ${c.score} % (supported counts in full, partly supported as half). A subcategory is supported when a requirement equivalent to it or covering part of it is conformant.`,
    ),
    h(
      P.Text,
      { key: 'functions', style: s.p },
      c.functions.map((f) => `${f.title} ${f.score} %`).join(' · '),
    ),
    chart,
    ...table(
      P,
      [
        { title: 'Category', width: 64, cell: (x: (typeof categories)[number]) => x.id },
        { title: 'Supported', width: 58, cell: (x) => String(x.counts.supported) },
        { title: 'Partly', width: 44, cell: (x) => String(x.counts.partly) },
        { title: 'Not yet', width: 44, cell: (x) => String(x.counts.unsupported) },
        { title: 'No counterpart', width: 70, cell: (x) => String(x.counts.unmapped) },
        { title: 'Score', width: '*', cell: (x) => `${x.score} %` },
      ],
      categories,
      (x) => x.id,
    ),
  ];
}
