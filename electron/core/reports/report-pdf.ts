/**
 * The full report as PDF, laid out part by part. react-pdf keeps a document's whole layout in
 * memory until its last page is written — every glyph's position on every page, about 1 MB a page
 * — so a 100-page report held some 120 MB at once. Each section is a Page element of its own (it
 * starts on a new page), so a few sections at a time can be laid out as a document of their own,
 * of which only the bytes are kept. What needs the whole report is known once they are done: the
 * page count ("Page N of M" in every footer) and each section's first page (the contents). The
 * front is laid out again with the numbers, the footers are drawn as pages of their own, and
 * joinParts() puts it together. No page is laid out twice except the front's; react-pdf used to
 * lay every page out twice to fill in the footers.
 */
import { isValidElement, type ReactNode } from 'react';
import type { ReportParts } from './document';
import type { Node, Pdf } from './document/kit';
import type { LayoutHooks } from './document/layout-progress';
import { joinParts } from './pdf-join';
import { countPages } from './worker-pages';

/**
 * How much text one part may hold, in characters (a page holds about 3,000). Each part's fonts
 * are embedded again in the joined file (about 40 KB a part), so parts are not made smaller than
 * they need to be; the layout of one this size takes some 20 MB.
 */
export const PART_TEXT = 60_000;

/** The characters of text an element tree holds: what its layout's size follows. */
export function textLength(node: ReactNode): number {
  if (typeof node === 'string') return node.length;
  if (typeof node === 'number') return String(node).length;
  if (Array.isArray(node))
    return node.reduce((sum: number, n: ReactNode) => sum + textLength(n), 0);
  if (isValidElement<{ children?: ReactNode }>(node)) return textLength(node.props.children);
  return 0;
}

/** Consecutive runs of `weights` (indexes), each within `budget` unless one item alone is not. */
export function groupWithin(weights: number[], budget: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let held = 0;
  weights.forEach((weight, i) => {
    if (current.length > 0 && held + weight > budget) {
      groups.push(current);
      current = [];
      held = 0;
    }
    current.push(i);
    held += weight;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

export async function renderReportPdf(
  P: Pdf,
  parts: ReportParts,
  progress: LayoutHooks,
): Promise<Uint8Array> {
  const toPdf = async (pages: Node[]) =>
    new Uint8Array(
      await P.renderToBuffer(parts.document(pages) as Parameters<typeof P.renderToBuffer>[0]),
    );

  // The front's length does not depend on the numbers in its contents (see contents()): laid out
  // first with none, it tells where the sections start.
  let page = 0;
  const blankFront = await toPdf(parts.front(new Map(), () => progress.onPage(++page, undefined)));
  const frontPages = countPages(blankFront);
  page = frontPages;

  const { sections } = parts;
  const groups = groupWithin(
    sections.map((section) => textLength(section.page())),
    PART_TEXT,
  );
  const files: Uint8Array[] = [];
  const firstPages = new Map<string, number>();
  for (const group of groups) {
    const before = page;
    const file = await toPdf(
      group.map((i) => {
        const section = sections[i] as (typeof sections)[number];
        return section.page(() => {
          page += 1;
          if (firstPages.has(section.id)) return progress.onPage(page, undefined);
          firstPages.set(section.id, page);
          progress.onSection(section.title, i + 1, sections.length, page);
        });
      }),
    );
    if (countPages(file) !== page - before) {
      throw new Error('A part of the report wrote a different number of pages than it laid out.');
    }
    files.push(file);
  }

  const front = await toPdf(parts.front(firstPages));
  if (countPages(front) !== frontPages) {
    // Cannot happen while the contents' numbers stay out of the flow; if it ever did, every
    // number in the contents would be off, so stop rather than write a wrong report.
    throw new Error('The contents changed length once its page numbers were filled in.');
  }
  const total = page;
  const footers = await toPdf(parts.footers(total, (n) => progress.onPage(n, total)));
  return joinParts([front, ...files], footers, () => progress.onWrite());
}
