/** The cover, the contents and the executive summary of the Word document. */
import { ImageRun, LeaderType, Paragraph, TableOfContents, TextRun } from 'docx';
import { paragraphsOf } from '../content/assessment';
import { scoreBars } from '../charts/score-bars';
import { colour, scoreColour } from '../charts/colours';
import {
  confidentialNote,
  coverFacts,
  disclaimerTitle,
  logoBox,
  documentsSummary,
  stageLines,
  keyFindings,
  pct,
  reportTitle,
  scopeHeading,
  scoreFigures,
  scoreLegend,
  scoreLines,
} from '../content/front';
import type { DocxContext } from './context';
import {
  bullet,
  figure,
  heading,
  hex,
  keyValues,
  muted,
  para,
  paragraphs,
  picture,
  px,
  small,
  type Block,
} from './kit';

/** The consultancy's logo and name above the title, when the branding has them. */
function brand(d: DocxContext['d']): Block[] {
  const { logo, consultancyName } = d.branding;
  if (!logo && !consultancyName) return [];
  const box = logo ? logoBox(logo) : null;
  return [
    new Paragraph({
      spacing: { after: 600 },
      children: [
        ...(logo && box
          ? [
              new ImageRun({
                type: 'png',
                data: Buffer.from(logo.pngBase64, 'base64'),
                transformation: { width: px(box.width), height: px(box.height) },
                altText: {
                  name: 'Logo',
                  title: 'Logo',
                  description: `${consultancyName || 'Consultancy'} logo`,
                },
              }),
              new TextRun('    '),
            ]
          : []),
        ...(consultancyName ? [new TextRun({ text: consultancyName, bold: true, size: 24 })] : []),
      ],
    }),
  ];
}

export function cover({ d, draft }: DocxContext): Block[] {
  const b = d.branding;
  return [
    ...brand(d),
    new Paragraph({
      spacing: { before: b.logo || b.consultancyName ? 0 : 1800, after: 120 },
      children: [
        new TextRun({ text: d.assessment.frameworkName, size: 22, color: hex(colour.muted) }),
      ],
    }),
    new Paragraph({ style: 'Title', children: [new TextRun(reportTitle(d))] }),
    new Paragraph({
      spacing: { after: 480 },
      children: [new TextRun({ text: d.engagement.clientName, size: 40 })],
    }),
    ...keyValues(coverFacts(d, draft)),
    ...paragraphs(b.coverText),
    para(scopeHeading, { bold: true, size: 21 }),
    ...paragraphs(d.engagement.aimsScope),
    ...(d.omitConfidential ? [small(confidentialNote)] : []),
    ...(b.disclaimer
      ? [
          new Paragraph({
            spacing: { before: 360, after: 60 },
            children: [new TextRun({ text: disclaimerTitle, bold: true, size: 15 })],
          }),
          ...paragraphsOf(b.disclaimer).map(small),
        ]
      : []),
  ];
}

/**
 * Word's own table of contents over headings 1–2, filled in with linked headings when written (so
 * it is not empty before Word updates it); Word adds the page numbers on "Update table".
 */
export function contents(): Block[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      style: 'Title',
      children: [new TextRun({ text: 'Contents', size: 36 })],
    }),
    new TableOfContents('Contents', {
      hyperlink: true,
      headingStyleRange: '1-2',
      beginDirty: false,
      tabLeader: LeaderType.NONE,
    }),
  ];
}

export function executiveSummary(c: DocxContext): Block[] {
  const { d } = c;
  const r = d.readiness;
  if (!r) return [];
  const key = keyFindings(d);
  const { clauses, annex } = scoreLines(r);
  return [
    new Paragraph({
      spacing: { after: 60 },
      children: [
        new TextRun({
          text: pct(r.overall.score),
          bold: true,
          size: 52,
          color: hex(scoreColour(r.overall.score)),
        }),
        new TextRun({ text: '  overall readiness score', size: 18, color: hex(colour.muted) }),
      ],
    }),
    para(d.verdictLabel, { bold: true, size: 26 }),
    ...r.reasons.map(bullet),
    ...stageLines(r).map((line) => para(line)),
    small(scoreFigures(r)),
    heading('Score by clause', 2),
    figure([picture(scoreBars(clauses, 'Score by clause'), c.fontsDir, 'Score by clause')]),
    heading('Score by Annex A area', 2),
    figure([
      picture(scoreBars(annex, 'Score by Annex A area'), c.fontsDir, 'Score by Annex A area'),
    ]),
    small(scoreLegend),
    heading('Key findings', 2),
    ...(key.lines.length === 0 ? [muted(key.none)] : key.lines.map((line) => para(line))),
    ...(key.more ? [small(key.more)] : []),
    heading('Mandatory documented information', 2),
    para(documentsSummary(r)),
  ];
}
