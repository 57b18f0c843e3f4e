/**
 * The report's certification-readiness sections: the stage verdicts with what blocks each, the
 * gates, the documented-information register and the consistency checks (words and columns in
 * ../content/readiness.ts, shared with the Word document).
 */
import {
  certificationIntro,
  consistencyAgreed,
  consistencyGroups,
  consistencyIntro,
  documentColumns,
  documentsIntro,
  gateBlocks,
  gatesHeading,
  stageBlocks,
} from '../content/readiness';
import type { ReportData } from '../types';
import { verdictColour } from '../charts/colours';
import { colour, h, s, table, type Node, type Pdf } from './kit';

export function certification(P: Pdf, d: ReportData): Node[] {
  const r = d.readiness;
  if (!r) return [];
  const stages = stageBlocks(r).flatMap((stage, n) => [
    h(
      P.View,
      {
        key: `stage-${n}`,
        style: [s.row, { marginTop: 8, marginBottom: 3, alignItems: 'center' }],
        wrap: false,
      },
      h(
        P.Text,
        { style: [s.chip, { backgroundColor: verdictColour(stage.verdict), marginRight: 6 }] },
        stage.verdictLabel,
      ),
      h(P.Text, { style: [s.h3, { marginTop: 0, marginBottom: 0 }] }, stage.title),
    ),
    h(P.Text, { key: `note-${n}`, style: s.p }, stage.note),
    ...stage.blockers.map((b, i) => h(P.Text, { key: `b-${n}-${i}`, style: s.p }, b)),
  ]);
  return [
    h(P.Text, { key: 'intro', style: s.p }, certificationIntro),
    ...stages,
    h(P.Text, { key: 'gates', style: s.h2 }, gatesHeading),
    ...gateBlocks(r).map((g) =>
      h(
        P.View,
        { key: `gate-${g.id}`, style: { marginBottom: 6 } },
        h(
          P.View,
          { style: [s.row, { marginBottom: 2, alignItems: 'center' }], wrap: false },
          h(
            P.Text,
            {
              style: [
                s.chip,
                { backgroundColor: g.passed ? colour.good : colour.poor, marginRight: 6 },
              ],
            },
            g.mark,
          ),
          h(P.Text, { style: { fontWeight: 'bold' } }, g.label),
        ),
        h(P.Text, { style: [s.p, s.muted] }, g.rule),
        ...g.blockers.map((b, i) => h(P.Text, { key: String(i), style: s.p }, b)),
      ),
    ),
  ];
}

export function documentedInformation(P: Pdf, d: ReportData): Node[] {
  if (d.documents.length === 0) return [];
  return [
    h(P.Text, { key: 'intro', style: s.p }, documentsIntro(d.documents)),
    table(P, documentColumns, [...d.documents], (x) => x.key),
  ];
}

export function consistency(P: Pdf, d: ReportData): Node[] {
  const checks = d.readiness?.checks ?? [];
  if (checks.length === 0) return [h(P.Text, { key: 'none', style: s.p }, consistencyAgreed)];
  return [
    h(P.Text, { key: 'intro', style: s.p }, consistencyIntro),
    ...consistencyGroups(checks).flatMap((g) => [
      h(P.Text, { key: `h-${g.id}`, style: s.h3 }, g.title),
      ...g.lines.map((line, i) => h(P.Text, { key: `${g.id}-${i}`, style: s.p }, line)),
      ...(g.more ? [h(P.Text, { key: `${g.id}-more`, style: s.small }, g.more)] : []),
    ]),
  ];
}
