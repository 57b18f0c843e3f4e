import { draftMark } from '../content/front';
import { bookmarked, colour, h, s, type Node, type Pdf } from './kit';

export interface Chrome {
  client: string;
  title: string;
  draft: boolean;
  /** The footer's left side (the consultancy, or Assay). */
  footer: string;
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
  if (c.onWrite) {
    const { onWrite } = c;
    // Draws nothing: react-pdf paints a canvas only while it writes the page it sits on.
    nodes.push(
      h(P.Canvas, {
        key: 'written',
        fixed: true,
        style: { position: 'absolute', top: 0, left: 0, width: 1, height: 1 },
        paint: () => {
          onWrite();
          return null;
        },
      }),
    );
  }
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
    h(
      P.View,
      {
        key: 'footer',
        fixed: true,
        style: {
          // Placed from the top: with a line height set on the Page, react-pdf drops a fixed
          // element anchored with \`bottom\` (A4 is 841.9 pt tall).
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
      h(P.Text, {
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages?: number }) => {
          c.onPage?.(pageNumber, totalPages);
          return `Page ${pageNumber} of ${totalPages}`;
        },
      }),
    ),
  );
  return nodes;
}

/**
 * A section heading that is also a PDF bookmark and records the page it lands on (for the table
 * of contents, filled in on the second layout pass).
 */
export function sectionHeading(
  P: Pdf,
  id: string,
  title: string,
  marks: Map<string, number>,
  /** Called once, when the heading is first laid out (the progress bar follows the sections). */
  onLaidOut?: (page: number) => void,
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
    h(P.Text, {
      style: { fontSize: 1, color: '#ffffff' },
      render: ({ pageNumber }: { pageNumber: number }) => {
        if (!marks.has(id)) {
          marks.set(id, pageNumber);
          onLaidOut?.(pageNumber);
        }
        return ' ';
      },
    }),
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
