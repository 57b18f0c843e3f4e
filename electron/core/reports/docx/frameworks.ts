/** The EU AI Act and NIST AI RMF coverage sections in Word, from the same words as the PDF. */
import { TextRun, Paragraph } from 'docx';
import type { ObligationView } from '../../../../shared/contracts/eu-ai-act';
import { colour } from '../charts/colours';
import { nistBars } from '../charts/nist-bars';
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
import { nistCategories, nistColumns, nistFunctionsLine, nistIntro } from '../content/nist';
import type { DocxContext } from './context';
import { figure, heading, hex, muted, para, picture, small, table, type Block } from './kit';

function obligation(o: ObligationView): Block[] {
  const t = obligationText(o);
  return [
    heading(t.title, 3),
    small(t.systems),
    para(o.summary),
    ...t.conditions.map((c) => para(c, { italics: true, color: hex(colour.muted) })),
    new Paragraph({
      spacing: { after: 100 },
      children: [new TextRun({ text: t.beyondLabel, bold: true }), new TextRun(o.beyond42001)],
    }),
    ...(o.supporting.length === 0 ? [muted(t.noSupport)] : table(supportingColumns, o.supporting)),
  ];
}

export function euAiAct({ d }: DocxContext): Block[] {
  const v = d.euAiAct;
  if (!v || v.systems.length === 0) return [muted(noEuAiActSystems)];
  const unscoped = unscopedLine(v);
  return [
    para(euAiActIntro),
    ...table(scopedSystemColumns, v.systems),
    ...(unscoped ? [para(unscoped, { italics: true })] : []),
    ...obligationGroups(v).flatMap((g) => [
      heading(g.heading, 2),
      ...(g.intro ? [para(g.intro)] : []),
      ...(g.obligations.length > 0 ? g.obligations.flatMap(obligation) : [muted(noObligations)]),
    ]),
  ];
}

export function nistCoverage({ d, fontsDir }: DocxContext): Block[] {
  const c = d.nistCoverage;
  if (!c) return [];
  return [
    para(nistIntro(c)),
    para(nistFunctionsLine(c)),
    figure([picture(nistBars(c), fontsDir, 'NIST AI RMF coverage by category')]),
    ...table(nistColumns, nistCategories(c)),
  ];
}
