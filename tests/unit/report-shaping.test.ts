/**
 * Shaping remembered word by word gives exactly what fontkit gives for the whole run: the same
 * glyphs at the same positions, for every face the report uses.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  rememberShaping,
  type GlyphRunLike,
  type ShapingFont,
} from '../../electron/core/reports/document/shaping';

const fontsDir = path.join(__dirname, '..', '..', 'resources', 'fonts');
const faces = ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono'];

interface Face {
  name: string;
  font: ShapingFont;
  /** fontkit's own layout, kept before the memory replaced it. */
  whole: ShapingFont['layout'];
}
let loaded: Face[] = [];

beforeAll(async () => {
  // fontkit as react-pdf loads it (a family of this test's own, so the report's stays untouched).
  const P = await import('@react-pdf/renderer');
  loaded = [];
  for (const name of faces) {
    const fontFamily = `ShapingTest-${name}`;
    P.Font.register({ family: fontFamily, src: path.join(fontsDir, `${name}.ttf`) });
    await P.Font.load({ fontFamily });
    const font = (P.Font.getFont({ fontFamily }) as unknown as { data: ShapingFont }).data;
    const whole = font.layout.bind(font);
    rememberShaping(font);
    loaded.push({ name, font, whole });
  }
}, 60_000);

const shape = (run: GlyphRunLike) => ({
  glyphs: run.glyphs.map((g) => (g as { id: number }).id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  advanceWidth: run.advanceWidth,
});

/** What reports are made of: words, identifiers, dates, figures and the typography in notes. */
const pieces = [
  'The',
  'AI',
  'policy',
  'A.6.2.4',
  'ISO/IEC',
  '42001:2023',
  'Wave',
  'AVA',
  'To',
  'Ty',
  'fi',
  'ffl',
  'office',
  "l'été",
  'Ærø',
  'naïve',
  'Œuvre',
  '—',
  '–',
  '’',
  '“',
  '”',
  '…',
  '→',
  '≥',
  '€',
  '£',
  '(',
  ')',
  '[x]',
  '1.',
  '2026-12-01',
  '100%',
  'A&B',
  '#',
  '“Quoted,”',
  'L.',
  'V.',
  '',
  ' ',
  '  ',
];
const text = fc
  .array(fc.constantFrom(...pieces), { maxLength: 30 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '  ', ''), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + (gaps[i] ?? '')).join('')),
  );
const latin = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x24f }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

describe('remembered shaping', () => {
  it('gives the glyphs and positions fontkit gives for the whole run, in every face', () => {
    fc.assert(
      fc.property(fc.oneof(text, latin), (s) => {
        for (const face of loaded) {
          expect(shape(face.font.layout(s, undefined, undefined, undefined, 'ltr'))).toEqual(
            shape(face.whole(s, undefined, undefined, undefined, 'ltr')),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands text it does not split (other scripts, asked-for features) to fontkit whole', () => {
    for (const s of ['Ελληνικά και English', 'שלום world', 'Привет, мир', 'office']) {
      for (const face of loaded) {
        expect(shape(face.font.layout(s, ['liga'], undefined, undefined, 'ltr'))).toEqual(
          shape(face.whole(s, ['liga'], undefined, undefined, 'ltr')),
        );
        expect(shape(face.font.layout(s, undefined, undefined, undefined, 'ltr'))).toEqual(
          shape(face.whole(s, undefined, undefined, undefined, 'ltr')),
        );
      }
    }
  });

  it('keeps what a caller changes in a run it was given out of the memory', () => {
    const face = loaded[0];
    if (!face) throw new Error('no face loaded');
    const first = face.font.layout('Scale me twice', undefined, undefined, undefined, 'ltr');
    // pdfkit scales the positions of the runs it lays out, in place.
    for (const p of first.positions) p.xAdvance *= 1000;
    first.glyphs.length = 0;
    const again = face.font.layout('Scale me twice', undefined, undefined, undefined, 'ltr');
    expect(shape(again)).toEqual(
      shape(face.whole('Scale me twice', undefined, undefined, undefined, 'ltr')),
    );
  });
});
