/**
 * Remembers how fontkit shapes each word. Shaping (OpenType substitution and kerning over
 * DejaVu's large GSUB/GPOS tables) was the largest single cost of a long report's layout — every
 * run of text shaped afresh, though a 100-page report holds ~45,000 words and only ~3,500
 * distinct ones. A run of plain Latin text is shaped word by word (each word with the spaces
 * after it), each word once; other text goes to fontkit whole, as before.
 */

/** What textkit and pdfkit read of a fontkit glyph run. */
export interface GlyphRunLike {
  glyphs: unknown[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}

export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapingFont {
  layout(
    text: string,
    features?: unknown,
    script?: string,
    language?: string,
    direction?: string,
  ): GlyphRunLike;
}

/**
 * Text that shapes the same word by word as whole: Latin letters, digits, punctuation and
 * symbols (Basic Latin to Latin Extended-B, general punctuation, currency, arrows, maths). No
 * ligature or kerning pair in DejaVu crosses a space in these (tests/unit/report-shaping.test.ts
 * compares both ways, glyph by glyph, in every face), and their script is Latin (or common)
 * whether read a word at a time or all at once.
 */
const SIMPLE = /^[\u0020-\u024f\u2000-\u206f\u20a0-\u20cf\u2190-\u22ff]*$/;
/** A word with the spaces after it; leading spaces form a piece of their own. */
const PIECE = /[^ ]* */g;
/** Bounds the memory a hostile report (millions of distinct words) can take. */
const MAX_WORDS = 50_000;

const run = (glyphs: unknown[], positions: GlyphPosition[]): GlyphRunLike => ({
  glyphs,
  positions,
  get advanceWidth() {
    return positions.reduce((sum, p) => sum + p.xAdvance, 0);
  },
});

/** Fonts already given a memory: react-pdf may hand the same face for two descriptors. */
const remembering = new WeakSet<ShapingFont>();

/**
 * Replaces `font.layout` with one that shapes plain Latin text a word at a time and remembers
 * each word's glyphs and positions. Callers get fresh arrays and position objects each time, so
 * nothing they change reaches the memory.
 */
export function rememberShaping(font: ShapingFont): void {
  if (remembering.has(font)) return;
  remembering.add(font);
  const shape = font.layout.bind(font);
  const words = new Map<string, { glyphs: unknown[]; positions: GlyphPosition[] }>();
  const word = (text: string, direction?: string) => {
    let known = words.get(text);
    if (!known) {
      const shaped = shape(text, undefined, undefined, undefined, direction);
      known = { glyphs: shaped.glyphs, positions: shaped.positions };
      if (words.size >= MAX_WORDS) words.clear();
      words.set(text, known);
    }
    return known;
  };
  font.layout = (text, features, script, language, direction) => {
    const plain =
      typeof text === 'string' &&
      (features === undefined || (Array.isArray(features) && features.length === 0)) &&
      script === undefined &&
      language === undefined &&
      SIMPLE.test(text);
    if (!plain) return shape(text, features, script, language, direction);
    const glyphs: unknown[] = [];
    const positions: GlyphPosition[] = [];
    for (const piece of text.match(PIECE) ?? []) {
      if (piece === '') continue;
      const known = word(piece, direction);
      for (const g of known.glyphs) glyphs.push(g);
      for (const p of known.positions) positions.push({ ...p });
    }
    return run(glyphs, positions);
  };
}
