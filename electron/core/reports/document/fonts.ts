/**
 * The report's fonts in react-pdf: registered, loaded up front (while the main thread gathers the
 * data) and tuned for long documents.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Pdf } from './kit';
import { rememberShaping, type ShapingFont } from './shaping';

function registerFonts(P: Pdf, dir: string): void {
  P.Font.register({
    family: 'DejaVu',
    fonts: [
      { src: path.join(dir, 'DejaVuSans.ttf') },
      { src: path.join(dir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
      { src: path.join(dir, 'DejaVuSans-Oblique.ttf'), fontStyle: 'italic' },
      // No bold-oblique face ships; bold italic text falls back to bold.
      { src: path.join(dir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold', fontStyle: 'italic' },
    ],
  });
  P.Font.register({ family: 'DejaVuMono', src: path.join(dir, 'DejaVuSansMono.ttf') });
  // Words are never hyphenated: identifiers such as A.6.2.4 and hashes must stay whole.
  P.Font.registerHyphenationCallback((word) => [word]);
}

/** Every face registerFonts names, as react-pdf looks them up. */
const FACES = [
  { fontFamily: 'DejaVu' },
  { fontFamily: 'DejaVu', fontWeight: 'bold' },
  { fontFamily: 'DejaVu', fontStyle: 'italic' },
  { fontFamily: 'DejaVu', fontWeight: 'bold', fontStyle: 'italic' },
  { fontFamily: 'DejaVuMono' },
] as const;

/** The part of a loaded fontkit font this file touches. */
interface LoadedFont extends ShapingFont {
  name?: { records?: object };
}

/**
 * pdfkit compares the font of every run of text it writes with the fonts it has embedded by
 * serialising both fonts' whole name tables (DejaVu's carries its licence) — two large
 * JSON.stringify calls a run, a tenth of the time spent writing a long report. The table is
 * serialised once here and stands in as a digest: equal tables still give equal strings.
 */
function quickNameTable(font: LoadedFont): void {
  const records = font.name?.records;
  if (!records || Object.prototype.hasOwnProperty.call(records, 'toJSON')) return;
  const digest = createHash('sha256').update(JSON.stringify(records)).digest('hex');
  Object.defineProperty(records, 'toJSON', { value: () => digest, enumerable: false });
}

/** react-pdf with the report's fonts registered and loaded, their shaping remembered. */
export async function loadPdf(fontsDir: string): Promise<Pdf> {
  const P = (await import('@react-pdf/renderer')) as Pdf;
  registerFonts(P, fontsDir);
  for (const face of FACES) {
    await P.Font.load(face);
    // The loaded fontkit font: react-pdf's typings call it unknown data.
    const font = (P.Font.getFont(face) as { data: LoadedFont | null } | null)?.data;
    if (!font) continue;
    rememberShaping(font);
    quickNameTable(font);
  }
  return P;
}
