/**
 * A logo as the reports print it: always a PNG, re-drawn by resvg so nothing of the uploaded file
 * but its pixels survives (no metadata, no scripts, no references). An SVG is refused when it
 * holds anything that could run, fetch or expand (scripts, event handlers, foreign objects,
 * external references, entity declarations) and is otherwise rasterised; it is never stored.
 */
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { MAX_LOGO_BYTES } from '../../../shared/contracts/branding';
import { invalid } from '../errors';

/** Longest side of the stored PNG, in pixels: sharp at the ~6 cm a cover prints it. */
export const LOGO_MAX_SIDE = 1200;

export interface StoredLogo {
  pngBase64: string;
  width: number;
  height: number;
  source: 'png' | 'svg';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const refused = (why: string) => invalid('fileBase64', why);

/** What an SVG must not hold, each with the reason given back to the person. */
const svgHazards: [RegExp, string][] = [
  [/<!DOCTYPE|<!ENTITY/i, 'declares a document type or entities'],
  [/<script\b/i, 'holds a script'],
  [/<foreignObject\b/i, 'embeds foreign content'],
  [/\son[a-z]+\s*=/i, 'has event handlers'],
  [/<(image|use|feImage)\b[^>]*\bhref\s*=\s*["'](?!#)/i, 'refers to another file or address'],
  [/\b(xlink:)?href\s*=\s*["'](?!#)/i, 'links to another file or address'],
  [/url\(\s*["']?(?!#)/i, 'refers to another file or address in its styles'],
  [/@import\b/i, 'imports styles'],
];

interface Drawn {
  png: Buffer;
  width: number;
  height: number;
  /** Whether any pixel is not fully transparent (resvg draws an image it cannot decode as nothing). */
  inked: boolean;
}

function draw(svg: string, fontsDir: string, fitWidth: number | null): Drawn {
  const resvg = new Resvg(svg, {
    ...(fitWidth ? { fitTo: { mode: 'width' as const, value: fitWidth } } : {}),
    font: {
      fontFiles: [
        path.join(fontsDir, 'DejaVuSans.ttf'),
        path.join(fontsDir, 'DejaVuSans-Bold.ttf'),
      ],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  const image = resvg.render();
  let inked = false;
  const pixels = image.pixels;
  for (let i = 3; i < pixels.length && !inked; i += 4) inked = (pixels[i] ?? 0) > 0;
  return { png: image.asPng(), width: image.width, height: image.height, inked };
}

/** The width to draw at so the longest side is at most LOGO_MAX_SIDE. */
function fitWidth(width: number, height: number): number {
  const scale = Math.min(1, LOGO_MAX_SIDE / Math.max(width, height));
  return Math.max(1, Math.round(width * scale));
}

const stored = (d: Drawn, source: StoredLogo['source']): StoredLogo => ({
  pngBase64: d.png.toString('base64'),
  width: d.width,
  height: d.height,
  source,
});

function fromPng(bytes: Buffer, fontsDir: string): StoredLogo {
  if (bytes.length < 33 || bytes.readUInt32BE(12) !== 0x49484452)
    throw refused('the PNG has no image header');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > 20_000 || height > 20_000)
    throw refused(`a ${width} × ${height} PNG is not a logo`);
  // Drawn again from its pixels, through an SVG wrapper: metadata and extra chunks are dropped.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${bytes.toString('base64')}"/></svg>`;
  const drawn = draw(svg, fontsDir, fitWidth(width, height));
  if (!drawn.inked) throw refused('the PNG could not be read (or is fully transparent)');
  return stored(drawn, 'png');
}

function fromSvg(text: string, fontsDir: string): StoredLogo {
  for (const [pattern, why] of svgHazards)
    if (pattern.test(text))
      throw refused(`the SVG ${why}; save it as plain shapes and text, or as PNG`);
  let drawn: Drawn;
  try {
    drawn = draw(text, fontsDir, null);
    if (drawn.width > LOGO_MAX_SIDE || drawn.height > LOGO_MAX_SIDE)
      drawn = draw(text, fontsDir, fitWidth(drawn.width, drawn.height));
  } catch {
    throw refused('the SVG could not be read');
  }
  if (!drawn.inked) throw refused('the SVG draws nothing');
  return stored(drawn, 'svg');
}

/** Checks an uploaded logo and turns it into the PNG reports print. */
export function prepareLogo(fileName: string, bytes: Buffer, fontsDir: string): StoredLogo {
  if (bytes.length === 0) throw refused('the file is empty');
  if (bytes.length > MAX_LOGO_BYTES)
    throw refused(
      `the file is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KB`,
    );
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return fromPng(bytes, fontsDir);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*</.test(text) && /<svg[\s>]/i.test(text.slice(0, 4096))) return fromSvg(text, fontsDir);
  throw refused(`${path.basename(fileName)} is neither a PNG nor an SVG image`);
}
