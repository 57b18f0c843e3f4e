/** AI systems, the risk register (heat maps as images) and impact assessments, in Word. */
import { Paragraph, TextRun } from 'docx';
import { bandColour, readableOn } from '../charts/colours';
import { heatMapChart } from '../charts/heat-map';
import {
  aiSystemFacts,
  bandColumns,
  bandLegend,
  heatMapTitles,
  impactFacts,
  impactTitle,
  noImpactAssessments,
  noRisks,
  noSystems,
  registerHeading,
  registerNote,
  riskColumns,
  riskIntro,
  statusLine,
} from '../content/risks';
import type { HeatMap } from '../types';
import type { DocxContext } from './context';
import {
  figure,
  heading,
  hex,
  keyValues,
  muted,
  para,
  picture,
  small,
  table,
  type Block,
} from './kit';

export function aiSystems({ d }: DocxContext): Block[] {
  if (d.aiSystems.length === 0) return [muted(noSystems)];
  return d.aiSystems.flatMap((x) => [heading(x.name, 3), ...keyValues(aiSystemFacts(x))]);
}

export function riskRegister({ d, fontsDir }: DocxContext): Block[] {
  const r = d.risks;
  if (!r || r.total === 0) return [muted(noRisks)];
  const labels = bandLegend(r);
  const heatMap = (title: string, map: HeatMap) => heatMapChart(title, map, r);
  return [
    para(riskIntro(r)),
    // Side by side, as in the PDF: each map at 90 % so both fit the text width.
    figure([
      picture(heatMap(heatMapTitles.inherent, r.inherent), fontsDir, heatMapTitles.inherent, 0.9),
      new TextRun('  '),
      picture(heatMap(heatMapTitles.residual, r.residual), fontsDir, heatMapTitles.residual, 0.9),
    ]),
    new Paragraph({
      spacing: { after: 120 },
      children: labels.flatMap((label, i) => {
        const fill = bandColour(i, labels.length);
        return [
          new TextRun({
            text: ` ${label} `,
            size: 15,
            color: hex(readableOn(fill)),
            shading: { fill: hex(fill), color: 'auto', type: 'clear' },
          }),
          new TextRun({ text: '  ', size: 15 }),
        ];
      }),
    }),
    ...table(bandColumns, r.byBand),
    small(statusLine(r)),
    heading(registerHeading(r), 2),
    ...(registerNote(r) ? [small(registerNote(r) ?? '')] : []),
    ...table(riskColumns, r.listed),
  ];
}

export function impactAssessments({ d }: DocxContext): Block[] {
  if (d.impactAssessments.length === 0) return [muted(noImpactAssessments)];
  return d.impactAssessments.flatMap((a) => [
    heading(impactTitle(a), 3),
    ...keyValues(impactFacts(a)),
  ]);
}
