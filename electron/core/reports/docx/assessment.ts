/** Scope and method, results by clause and by Annex A area, findings and the SoA, in Word. */
import { BorderStyle, Paragraph, TextRun } from 'docx';
import { colour } from '../charts/colours';
import {
  evidenceSeenLine,
  findingEvidence,
  findingsRaisedLine,
  findingRequirement,
  findingState,
  interviewedLine,
  methodIntro,
  noFindings,
  noSessions,
  notApplicableLine,
  paragraphsOf,
  peopleLine,
  resultAreas,
  resultMeta,
  sessionColumns,
  soaColumns,
  soaIntro,
} from '../content/assessment';
import type { ReportResult } from '../types';
import type { DocxContext } from './context';
import { heading, hex, muted, para, runs, small, table, type Block } from './kit';

export function method({ d }: DocxContext): Block[] {
  return [
    para(methodIntro(d)),
    heading('Interview sessions', 2),
    ...(d.sessions.length === 0 ? [muted(noSessions)] : table(sessionColumns, d.sessions)),
    para('People interviewed', { bold: true }),
    para(peopleLine(d)),
  ];
}

const resultColour: Record<string, string> = {
  Conformant: colour.good,
  'Partially conformant': colour.fair,
  Nonconformant: colour.poor,
};

/** One requirement: a level-3 heading, then its rating and notes marked by a coloured bar. */
function requirement(r: ReportResult, omit: boolean): Block[] {
  const tone = hex(resultColour[r.result] ?? colour.na);
  const bar = { left: { style: BorderStyle.SINGLE, size: 18, color: tone, space: 6 } };
  const line = (children: TextRun[], keepNext = true) =>
    new Paragraph({ children, border: bar, keepNext, spacing: { after: 60 } });
  const interviewed = interviewedLine(r);
  const na = notApplicableLine(r);
  const notes = omit ? [] : paragraphsOf(r.notes);
  return [
    heading(`${r.ref}  ${r.title}`, 3),
    line([new TextRun({ text: resultMeta(r), bold: true, color: tone, size: 17 })]),
    ...(interviewed ? [line(runs(interviewed, { size: 15, color: hex(colour.muted) }))] : []),
    ...(na ? [line(runs(na, { italics: true }))] : []),
    ...notes.map((t, i) => line(runs(t), i < notes.length - 1)),
    ...[evidenceSeenLine(r), findingsRaisedLine(r)].flatMap((text) =>
      text ? [line(runs(text, { size: 15, color: hex(colour.muted) }), false)] : [],
    ),
  ];
}

/** Results grouped by clause (annex false) or Annex A area, each area a level-2 heading. */
export function results({ d }: DocxContext, annex: boolean): Block[] {
  return resultAreas(d, annex).flatMap(({ title, rows }) => [
    heading(title, 2),
    ...rows.flatMap((r) => requirement(r, d.omitConfidential)),
  ]);
}

const gradeColour: Record<string, string> = {
  major: colour.poor,
  minor: colour.fair,
  observation: colour.accent,
  improvement: colour.good,
};

export function findings({ d }: DocxContext): Block[] {
  if (d.findings.length === 0) return [muted(noFindings)];
  return d.findings.flatMap((f) => {
    const evidence = findingEvidence(f);
    return [
      heading(`${f.ref}  ${findingRequirement(f)}`, 3),
      new Paragraph({
        keepNext: true,
        spacing: { after: 60 },
        children: [
          new TextRun({
            text: f.grade,
            bold: true,
            color: hex(gradeColour[f.gradeKey] ?? colour.muted),
            size: 16,
          }),
          new TextRun({
            text: ` · ${findingState(f)}`,
            size: 16,
            color: hex(colour.muted),
          }),
        ],
      }),
      para(f.statement),
      ...(evidence ? [small(evidence)] : []),
      ...(f.recommendation
        ? [
            new Paragraph({
              spacing: { after: 160 },
              children: [
                new TextRun({ text: 'Recommendation: ', bold: true }),
                ...runs(f.recommendation),
              ],
            }),
          ]
        : []),
    ];
  });
}

export function soa({ d }: DocxContext): Block[] {
  return [para(soaIntro(d)), ...table(soaColumns, d.soa)];
}
