/** A likelihood × impact grid with the number of risks in each cell, coloured by band. */
import type { HeatMap, RiskSummary } from '../types';
import { heatMapAxes } from '../content/risks';
import { bandColour, colour, readableOn } from './colours';
import { clip, esc, svgDocument, type Chart } from './svg';

const CELL = 34;
const LABEL = 64;
const TITLE = 16;

export function heatMapChart(title: string, map: HeatMap, r: RiskSummary): Chart {
  const bands = r.criteria.bands.map((b) => b.name);
  const L = map.counts.length;
  const I = r.criteria.impactLabels.length;
  const width = LABEL + I * CELL + 4;
  const height = TITLE + L * CELL + 24;
  const body: string[] = [
    `<text x="0" y="11" font-size="10" font-weight="bold" fill="${colour.ink}">${esc(title)}</text>`,
  ];
  for (let row = 0; row < L; row += 1) {
    const l = L - 1 - row; // highest likelihood on top
    const y = TITLE + row * CELL;
    body.push(
      `<text x="${LABEL - 4}" y="${y + CELL / 2 + 3}" font-size="7" text-anchor="end" fill="${colour.muted}">${esc(clip(r.criteria.likelihoodLabels[l] ?? String(l + 1), 14))}</text>`,
    );
    (map.counts[l] ?? []).forEach((n, i) => {
      const fill = bandColour(bands.indexOf(map.bands[l]?.[i] ?? ''), bands.length);
      const x = LABEL + i * CELL;
      body.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fill}" stroke="#ffffff" stroke-width="0.5"/>`,
      );
      if (n > 0)
        body.push(
          `<text x="${x + CELL / 2}" y="${y + CELL / 2 + 3.5}" font-size="9" font-weight="bold" text-anchor="middle" fill="${readableOn(fill)}">${n}</text>`,
        );
    });
  }
  r.criteria.impactLabels.forEach((label, i) => {
    body.push(
      `<text x="${LABEL + i * CELL + CELL / 2}" y="${TITLE + L * CELL + 9}" font-size="5.5" text-anchor="middle" fill="${colour.muted}">${esc(clip(label, 11))}</text>`,
    );
  });
  body.push(
    `<text x="${LABEL}" y="${TITLE + L * CELL + 20}" font-size="6.5" fill="${colour.muted}">${esc(heatMapAxes)}</text>`,
  );
  const cells = map.counts
    .flatMap((row, l) => row.map((n, i) => ({ n, l: l + 1, i: i + 1 })))
    .filter((c) => c.n > 0)
    .map((c) => `likelihood ${c.l} × impact ${c.i}: ${c.n}`);
  return {
    svg: svgDocument(width, height, body),
    width,
    height,
    description: `${title} heat map. ${cells.join('; ') || 'No risks rated.'}`,
  };
}
