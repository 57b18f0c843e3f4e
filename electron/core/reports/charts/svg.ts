/** A chart as SVG text, sized in points (1 pt = 1 user unit), ready to rasterise. */
export interface Chart {
  svg: string;
  width: number;
  height: number;
  /** What the chart shows, for the image's alternative text. */
  description: string;
}

/** Text from the catalog or the user goes into SVG as character data, never as markup. */
export const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const FONT = 'DejaVu Sans';

export function svgDocument(width: number, height: number, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body.join('')}</svg>`;
}

/** Shortens a label to about `max` characters so it fits its column (the full text is in the table beside it). */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
