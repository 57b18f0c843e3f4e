/**
 * NIST AI RMF coverage as one stacked bar per category (supported, partly, not yet, no
 * counterpart), with the legend on top — the PDF's bars as an image for the Word document.
 */
import type { NistCoverage } from '../../../../shared/contracts/crosswalks';
import {
  nistCategories,
  nistLevelColour,
  nistLevelNames,
  nistLevels,
  nistMaxCount,
} from '../content/nist';
import { colour } from './colours';
import { esc, svgDocument, type Chart } from './svg';

const LABEL = 64;
const BARS = 300;
const ROW = 11;
const BAR = 9;
const LEGEND = 16;

export function nistBars(c: NistCoverage): Chart {
  const categories = nistCategories(c);
  const max = nistMaxCount(categories);
  // Each key takes its swatch, its name (about 4 pt a character at 7 pt) and a gap.
  let x = 0;
  const legend = nistLevels.map((l) => {
    const key = `<rect x="${x}" y="2" width="8" height="8" fill="${nistLevelColour(l)}"/><text x="${x + 11}" y="9" font-size="7" fill="${colour.muted}">${esc(nistLevelNames[l])}</text>`;
    x += 11 + nistLevelNames[l].length * 4 + 14;
    return key;
  });
  const rows = categories.flatMap((x, i) => {
    const y = LEGEND + i * ROW;
    let at = LABEL;
    const segments = nistLevels
      .filter((l) => x.counts[l] > 0)
      .map((l) => {
        const w = (BARS * x.counts[l]) / max;
        const rect = `<rect x="${at.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${nistLevelColour(l)}"/>`;
        at += w;
        return rect;
      });
    return [
      `<text x="0" y="${y + BAR - 1}" font-size="7" fill="${colour.ink}">${esc(x.id)}</text>`,
      ...segments,
      `<text x="${(at + 4).toFixed(1)}" y="${y + BAR - 1}" font-size="7" fill="${colour.ink}">${x.score} %</text>`,
    ];
  });
  const width = LABEL + BARS + 40;
  const height = LEGEND + categories.length * ROW + 2;
  return {
    svg: svgDocument(width, height, [...legend, ...rows]),
    width,
    height,
    description: `NIST AI RMF coverage by category: ${categories
      .map(
        (x) =>
          `${x.id} ${x.score} % (${nistLevels.map((l) => `${x.counts[l]} ${nistLevelNames[l]}`).join(', ')})`,
      )
      .join('; ')}`,
  };
}
