/**
 * Turns a chart's SVG into a PNG with the report's own fonts (resvg: no browser, no system fonts,
 * nothing fetched). Scaled up so the image stays sharp when printed.
 */
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Chart } from './svg';

export const SCALE = 3;

export function rasterise(chart: Chart, fontsDir: string): Buffer {
  const resvg = new Resvg(chart.svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    font: {
      fontFiles: [
        path.join(fontsDir, 'DejaVuSans.ttf'),
        path.join(fontsDir, 'DejaVuSans-Bold.ttf'),
      ],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
