/** The certification-readiness sections in Word: stage verdicts, gates, documents, consistency. */
import { Paragraph, TextRun } from 'docx';
import { colour, readableOn, verdictColour } from '../charts/colours';
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
import type { DocxContext } from './context';
import { heading, hex, para, small, table, type Block } from './kit';

/** A coloured label run (the PDF's chip) followed by a bold title. */
function marked(label: string, fill: string, title: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [
      new TextRun({
        text: ` ${label} `,
        bold: true,
        size: 16,
        color: hex(readableOn(fill)),
        shading: { fill: hex(fill), color: 'auto', type: 'clear' },
      }),
      new TextRun({ text: `  ${title}`, bold: true }),
    ],
  });
}

export function certification({ d }: DocxContext): Block[] {
  const r = d.readiness;
  if (!r) return [];
  return [
    para(certificationIntro),
    ...stageBlocks(r).flatMap((stage) => [
      marked(stage.verdictLabel, verdictColour(stage.verdict), stage.title),
      para(stage.note),
      ...stage.blockers.map((b) => para(b)),
    ]),
    heading(gatesHeading, 2),
    ...gateBlocks(r).flatMap((g) => [
      marked(g.mark, g.passed ? colour.good : colour.poor, g.label),
      para(g.rule, { color: hex(colour.muted) }),
      ...g.blockers.map((b) => para(b)),
    ]),
  ];
}

export function documentedInformation({ d }: DocxContext): Block[] {
  if (d.documents.length === 0) return [];
  return [para(documentsIntro(d.documents)), ...table(documentColumns, [...d.documents])];
}

export function consistency({ d }: DocxContext): Block[] {
  const checks = d.readiness?.checks ?? [];
  if (checks.length === 0) return [para(consistencyAgreed)];
  return [
    para(consistencyIntro),
    ...consistencyGroups(checks).flatMap((g) => [
      heading(g.title, 3),
      ...g.lines.map((line) => para(line)),
      ...(g.more ? [small(g.more)] : []),
    ]),
  ];
}
