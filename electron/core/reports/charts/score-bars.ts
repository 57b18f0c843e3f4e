/** Horizontal bars of section scores (the executive summary's clause and Annex A charts). */
import type { ScoreLine } from '../content/front';
import { pct } from '../content/front';
import { colour, scoreColour } from './colours';
import { clip, esc, svgDocument, type Chart } from './svg';

const WIDTH = 480;
const LABEL = 230;
const VALUE = 40;
const ROW = 14;
const BAR = 9;

export function scoreBars(lines: ScoreLine[], what: string): Chart {
  const barWidth = WIDTH - LABEL - VALUE - 8;
  const body = lines.flatMap((line, i) => {
    const y = i * ROW + 2;
    const filled = Math.round((line.score ?? 0) * barWidth);
    return [
      `<text x="0" y="${y + BAR - 1}" font-size="8" fill="${colour.ink}">${esc(clip(line.label, 52))}</text>`,
      `<rect x="${LABEL}" y="${y}" width="${barWidth}" height="${BAR}" fill="${colour.band}"/>`,
      filled > 0
        ? `<rect x="${LABEL}" y="${y}" width="${filled}" height="${BAR}" fill="${scoreColour(line.score)}"/>`
        : '',
      `<text x="${WIDTH}" y="${y + BAR - 1}" font-size="8" text-anchor="end" fill="${colour.ink}">${esc(pct(line.score))}</text>`,
    ];
  });
  const height = Math.max(ROW, lines.length * ROW + 2);
  return {
    svg: svgDocument(WIDTH, height, body),
    width: WIDTH,
    height,
    description: `${what}: ${lines.map((l) => `${l.label} ${pct(l.score)}`).join('; ')}`,
  };
}
