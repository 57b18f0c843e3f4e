/**
 * The Word document's building blocks: paragraphs in the document's own styles (so Word's
 * navigation pane, contents and restyling work), real tables, and chart images. Everything a
 * person typed goes in as text runs; nothing is interpreted.
 */
import {
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IRunOptions,
} from 'docx';
import { colour, readableOn } from '../charts/colours';
import { rasterise } from '../charts/rasterise';
import type { Chart } from '../charts/svg';
import type { Column } from '../content/columns';
import { paragraphsOf } from '../content/assessment';

export type Block = FileChild;

/** Word wants colours as RRGGBB without the hash. */
export const hex = (c: string): string => c.replace(/^#/, '').toUpperCase();

/** A4 with 2 cm margins; widths below are in twentieths of a point (twips). */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const FONT = 'Arial';
export const MONO = 'Courier New';

/** Text with its line breaks kept as breaks inside one paragraph. */
export function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

export const heading = (text: string, level: 1 | 2 | 3, pageBreakBefore = false): Paragraph =>
  new Paragraph({
    heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1],
    children: runs(text),
    pageBreakBefore,
    keepNext: true,
  });

export const para = (text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): Paragraph =>
  new Paragraph({ children: runs(text, options), spacing: { after: 100 } });

export const small = (text: string): Paragraph =>
  para(text, { size: 15, color: hex(colour.muted) });
export const muted = (text: string): Paragraph => para(text, { color: hex(colour.muted) });

/** Typed notes: blank lines separate paragraphs. */
export const paragraphs = (text: string): Paragraph[] => paragraphsOf(text).map((t) => para(t));

export const bullet = (text: string): Paragraph =>
  new Paragraph({ children: runs(text), bullet: { level: 0 }, spacing: { after: 60 } });

const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };

function cell(
  text: string,
  width: number,
  header: boolean,
  mono = false,
  mark: { text: string; colour: string } | null = null,
): TableCell {
  const lead = mark
    ? [new TextRun({ text: mark.text, bold: true, size: 16, color: hex(mark.colour) })]
    : [];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: cellMargins,
    ...(header
      ? { shading: { type: ShadingType.CLEAR, fill: hex(colour.accent), color: 'auto' } }
      : {}),
    children: [
      new Paragraph({
        children: [
          ...lead,
          ...runs(mark && text ? `\n${text}` : text, {
            size: mono ? 13 : 16,
            ...(mono ? { font: MONO } : {}),
            ...(header ? { bold: true, color: hex(readableOn(colour.accent)) } : {}),
          }),
        ],
      }),
    ],
  });
}

const ruled = {
  top: { style: BorderStyle.SINGLE, size: 4, color: hex(colour.rule) },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(colour.rule) },
  left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
  right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: hex(colour.rule) },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' },
};

/**
 * Column widths in twips from the PDF's points: fixed columns keep their share, `'*'` takes
 * what is left (at least 80 pt), and the whole is scaled to the text width.
 */
export function columnWidths<T>(columns: Column<T>[]): number[] {
  const PDF_WIDTH = 499;
  const fixed = columns.reduce((sum, c) => sum + (c.width === '*' ? 0 : c.width), 0);
  const stars = columns.filter((c) => c.width === '*').length;
  const star = stars > 0 ? Math.max(80, (PDF_WIDTH - fixed) / stars) : 0;
  const points = columns.map((c) => (c.width === '*' ? star : c.width));
  const total = points.reduce((a, b) => a + b, 0);
  return points.map((p) => Math.floor((p / total) * TEXT_WIDTH));
}

/** A real Word table whose header row repeats on every page it spans. */
export function table<T>(columns: Column<T>[], rows: T[]): Block[] {
  const widths = columnWidths(columns);
  const at = (i: number) => widths[i] ?? 0;
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: ruled,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: columns.map((c, i) => cell(c.title, at(i), true)),
        }),
        ...rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: columns.map((c, i) =>
                cell(c.cell(row), at(i), false, c.mono, c.mark?.(row) ?? null),
              ),
            }),
        ),
      ],
    }),
    new Paragraph({ spacing: { after: 120 } }),
  ];
}

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const invisible = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

/** Label–value pairs as a borderless two-column table (labels muted, as in the PDF). */
export function keyValues(pairs: [string, string][]): Block[] {
  const label = Math.round(TEXT_WIDTH * 0.26);
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [label, TEXT_WIDTH - label],
      layout: TableLayoutType.FIXED,
      borders: invisible,
      rows: pairs.map(
        ([k, v]) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: label, type: WidthType.DXA },
                margins: { ...cellMargins, left: 0 },
                children: [new Paragraph({ children: runs(k, { color: hex(colour.muted) }) })],
              }),
              new TableCell({
                width: { size: TEXT_WIDTH - label, type: WidthType.DXA },
                margins: cellMargins,
                children: [new Paragraph({ children: runs(v || '—') })],
              }),
            ],
          }),
      ),
    }),
    new Paragraph({ spacing: { after: 80 } }),
  ];
}

/** Points to the 96-per-inch pixels docx sizes images in. */
export const px = (pt: number) => Math.round((pt * 96) / 72);

/** A chart as a PNG image run, with its description as alternative text; `scale` shrinks it to fit. */
export function picture(chart: Chart, fontsDir: string, name: string, scale = 1): ImageRun {
  return new ImageRun({
    type: 'png',
    data: rasterise(chart, fontsDir),
    transformation: { width: px(chart.width * scale), height: px(chart.height * scale) },
    altText: { name, title: name, description: chart.description },
  });
}

export const figure = (children: (TextRun | ImageRun)[]): Paragraph =>
  new Paragraph({ children, spacing: { after: 120 } });
