/**
 * The small toolkit every section uses: react-pdf's components (loaded at run time, since the
 * package is ESM-only and our main bundle is CommonJS), createElement, styles and colours.
 */
import { createElement, type ReactNode } from 'react';
import type * as ReactPdf from '@react-pdf/renderer';
import type { Bookmark, Style } from '@react-pdf/types';
import { colour, setAccent } from '../charts/colours';
import type { Column } from '../content/columns';
import { paragraphsOf } from '../content/assessment';

export type Pdf = typeof ReactPdf;

/** react-pdf honours `bookmark` on any node, but its typings declare it on Page only. */
export const bookmarked = (bookmark: Bookmark) => ({ bookmark }) as object;

export const h = createElement;
export type Node = ReactNode;

/** Colours shared with the Word document and the chart images. */
export { bandColour, colour, readableOn, scoreColour } from '../charts/colours';

export { pct } from '../content/front';

/** Sets the accent for this render and the styles that carry it (see setAccent). */
export function applyAccent(accent: string | null): void {
  setAccent(accent);
  s.h1.color = colour.accent;
  s.h2.color = colour.accent;
  s.th.backgroundColor = colour.accent;
}

export const s = {
  page: {
    fontFamily: 'DejaVu',
    fontSize: 9,
    color: colour.ink,
    paddingTop: 56,
    paddingBottom: 52,
    paddingHorizontal: 48,
    lineHeight: 1.35,
  },
  h1: { fontSize: 18, fontWeight: 'bold', color: colour.accent, marginBottom: 10 },
  h2: { fontSize: 13, fontWeight: 'bold', color: colour.accent, marginTop: 12, marginBottom: 6 },
  h3: { fontSize: 10.5, fontWeight: 'bold', marginTop: 8, marginBottom: 3 },
  p: { marginBottom: 5 },
  small: { fontSize: 7.5, color: colour.muted },
  muted: { color: colour.muted },
  bold: { fontWeight: 'bold' },
  italic: { fontStyle: 'italic' },
  mono: { fontFamily: 'DejaVuMono', fontSize: 6.1 },
  row: { flexDirection: 'row' },
  th: {
    flexDirection: 'row',
    backgroundColor: colour.accent,
    color: '#ffffff',
    fontWeight: 'bold',
    fontSize: 8,
    paddingVertical: 3,
  },
  tr: {
    flexDirection: 'row',
    borderBottomWidth: 0.5,
    borderBottomColor: colour.rule,
    paddingVertical: 3,
    fontSize: 8,
  },
  cell: { paddingHorizontal: 3 },
  chip: {
    fontSize: 7.5,
    paddingHorizontal: 4,
    paddingVertical: 1,
    borderRadius: 2,
    color: '#ffffff',
  },
} satisfies Record<string, Style>;

export type { Column } from '../content/columns';

/**
 * Rows a table asked to stay whole (`short`) may hold: a dozen rows of a few lines each surely
 * fit one page. Past that it flows like a long table, so nothing runs off the page.
 */
export const WHOLE_TABLE_ROWS = 12;

/**
 * A table as rows of Views, returned as a list to spread straight into the Page. react-pdf's
 * pagination splits a page's children but not one View taller than a page (it would overflow and
 * be cut), so a long table must not sit in a container. Its header is `fixed` and repeats on every
 * later page of that Page element — hence only one long table per section, its last. The others
 * (`short`) sit in one unbreakable container while they fit a page, and otherwise flow with their
 * header printed once (a fixed one would repeat over whatever follows them).
 */
export function table<T>(
  P: Pdf,
  columns: Column<T>[],
  rows: T[],
  key: (r: T) => string,
  short = false,
): Node[] {
  const width = (c: Column<T>): Style =>
    typeof c.width === 'number' ? { width: c.width } : { flexGrow: 1, flexBasis: 0 };
  // Keys unique within the page, which may hold two tables.
  const id = columns.map((c) => c.title).join('/');
  const header = h(
    P.View,
    {
      key: `th-${id}`,
      style: s.th,
      // A header printed once keeps its first row with it at the foot of a page.
      ...(short ? { minPresenceAhead: 24 } : { fixed: true }),
    },
    ...columns.map((c) => h(P.Text, { key: c.title, style: [s.cell, width(c)] }, c.title)),
  );
  const row = (r: T) =>
    h(
      P.View,
      { key: key(r), style: s.tr, wrap: false },
      // One Text a cell (sized and padded itself), not a Text in a View: half the nodes to lay out.
      ...columns.map((c) =>
        h(
          P.Text,
          { key: c.title, style: [s.cell, width(c), c.mono ? s.mono : {}] },
          ...cellText(P, c, r),
        ),
      ),
    );
  const end = h(P.View, { key: `end-${id}`, style: { marginBottom: 8 } });
  if (short && rows.length <= WHOLE_TABLE_ROWS)
    return [h(P.View, { key: `table-${id}`, wrap: false }, header, ...rows.map(row)), end];
  return [header, ...rows.map(row), end];
}

/** A cell's text, led by its coloured mark (on a line of its own) when the column has one. */
function cellText<T>(P: Pdf, c: Column<T>, r: T): Node[] {
  const text = c.cell(r);
  const mark = c.mark?.(r);
  if (!mark) return [text];
  return [
    h(P.Text, { key: 'mark', style: { color: mark.colour, fontWeight: 'bold' } }, mark.text),
    text ? `\n${text}` : '',
  ];
}

export function keyValues(P: Pdf, pairs: [string, string][]): Node {
  return h(
    P.View,
    { style: { marginBottom: 6 } },
    ...pairs.map(([k, v]) =>
      h(
        P.View,
        { key: k, style: [s.row, { marginBottom: 2 }] },
        h(P.Text, { style: [s.muted, { width: 120 }] }, k),
        h(P.Text, { style: { flexGrow: 1, flexBasis: 0 } }, v || '—'),
      ),
    ),
  );
}

/** Multi-paragraph text a person typed, shown as text (react-pdf never interprets it). */
export function paragraphs(P: Pdf, text: string, style: Style = {}, key = 'p'): Node[] {
  return paragraphsOf(text).map((t, i) =>
    h(P.Text, { key: `${key}${i}`, style: [s.p, { marginBottom: 0, paddingBottom: 5 }, style] }, t),
  );
}
