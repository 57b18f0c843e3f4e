import { draftMark } from '../content/front';
import { bookmarked, colour, h, s, type Node, type Pdf } from './kit';

export interface Chrome {
  client: string;
  title: string;
  draft: boolean;
  /** The footer's left side (the consultancy, or Assay). */
  footer: string;
  /**
   * Whether each page carries its footer ("Page N of M"), counted by react-pdf as it lays the
   * document out (a record, a few pages). The full report leaves it off: it is laid out in parts,
   * and each page's footer is drawn on a page of its own once the total is known, then stamped
   * onto it (see report-pdf.ts).
   */
  stampedFooter?: boolean;
  /**
   * Called as each page's footer is laid out, for the progress bar: once as the pages are placed
   * (the total not yet known, so undefined), then again as they are numbered.
   */
  onPage?: (page: number, total: number | undefined) => void;
  /** Called as each page starts to be written into the PDF, after the layout. */
  onWrite?: () => void;
}

/** Header, footer and (for drafts) the watermark, repeated on every page of a Page element. */
export function pageChrome(P: Pdf, c: Chrome): Node[] {
  const nodes: Node[] = [];
  if (c.onWrite) nodes.push(writtenMark(P, c.onWrite));
  if (c.draft) {
    nodes.push(
      h(
        P.View,
        {
          key: 'wm',
          fixed: true,
          style: {
            position: 'absolute',
            top: 330,
            left: -40,
            right: -40,
            alignItems: 'center',
            transform: 'rotate(-40deg)',
          },
        },
        h(
          P.Text,
          { style: { fontSize: 120, fontWeight: 'bold', color: '#c62828', opacity: 0.09 } },
          'DRAFT',
        ),
      ),
    );
  }
  nodes.push(
    h(
      P.View,
      {
        key: 'header',
        fixed: true,
        style: {
          position: 'absolute',
          top: 22,
          left: 48,
          right: 48,
          flexDirection: 'row',
          justifyContent: 'space-between',
          borderBottomWidth: 0.5,
          borderBottomColor: colour.rule,
          paddingBottom: 4,
          fontSize: 7.5,
          color: colour.muted,
        },
      },
      h(P.Text, { style: { maxWidth: 300 } }, `${c.client} — ${c.title}`),
      c.draft
        ? h(P.Text, { style: { color: colour.poor, fontWeight: 'bold' } }, draftMark)
        : h(P.Text, null, 'Digitally signed'),
    ),
  );
  if (!c.stampedFooter) {
    nodes.push(
      footerView(
        P,
        c,
        h(P.Text, {
          render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages?: number }) => {
            c.onPage?.(pageNumber, totalPages);
            return `Page ${pageNumber} of ${totalPages}`;
          },
        }),
      ),
    );
  }
  return nodes;
}

/** Draws nothing: react-pdf paints a canvas only while it writes the page it sits on. */
function writtenMark(P: Pdf, onWrite: () => void): Node {
  return h(P.Canvas, {
    key: 'written',
    fixed: true,
    style: { position: 'absolute', top: 0, left: 0, width: 1, height: 1 },
    paint: () => {
      onWrite();
      return null;
    },
  });
}

/** The footer: the consultancy (or Assay) on the left, the page's number on the right. */
function footerView(P: Pdf, c: Chrome, number: Node): Node {
  return h(
    P.View,
    {
      key: 'footer',
      fixed: true,
      style: {
        // Placed from the top: with a line height set on the Page, react-pdf drops a fixed
        // element anchored with `bottom` (A4 is 841.9 pt tall).
        position: 'absolute',
        top: 806,
        left: 48,
        right: 48,
        flexDirection: 'row',
        justifyContent: 'space-between',
        borderTopWidth: 0.5,
        borderTopColor: colour.rule,
        paddingTop: 4,
        fontSize: 7.5,
        color: colour.muted,
      },
    },
    h(P.Text, null, c.footer),
    number,
  );
}

/**
 * The footer of page `page` of `total`, alone, as the report stamps it onto that page: drawn
 * exactly where pageChrome would have drawn it.
 */
export function stampedFooter(P: Pdf, c: Chrome, page: number, total: number): Node[] {
  return [
    ...(c.onWrite ? [writtenMark(P, c.onWrite)] : []),
    footerView(P, c, h(P.Text, null, `Page ${page} of ${total}`)),
  ];
}

/**
 * A section heading that is also a PDF bookmark. Each section is a Page element of its own, so
 * the heading opens the section's first page: that is the page the contents names.
 */
export function sectionHeading(
  P: Pdf,
  id: string,
  title: string,
  /** Called once, when the heading's text is first measured, before any page is laid out. */
  onMeasured?: () => void,
): Node {
  let measured = false;
  return h(
    P.View,
    { key: `h-${id}`, ...bookmarked({ title, fit: true }), minPresenceAhead: 60 },
    h(
      P.Text,
      {
        style: s.h1,
        // The one hook react-pdf offers while it measures text: called for each word of the
        // heading. Words stay whole, as everywhere in the report (see registerFonts).
        hyphenationCallback: (word: string) => {
          if (!measured) {
            measured = true;
            onMeasured?.();
          }
          return [word];
        },
      },
      title,
    ),
    // A blank line a point high under the heading, kept so that pages look as they always have
    // (it once recorded the heading's page for the contents).
    h(P.Text, { style: { fontSize: 1, color: '#ffffff' } }, ' '),
  );
}

/** A sub-heading with its own bookmark, nested under the section in most PDF readers' outline. */
export function subHeading(P: Pdf, title: string, bookmark = true): Node {
  return h(
    P.View,
    { key: `s-${title}`, ...(bookmark ? bookmarked({ title }) : {}), minPresenceAhead: 40 },
    h(P.Text, { style: s.h2 }, title),
  );
}
