export interface LayoutStep {
  label: string;
  done: number;
  total: number;
}

export interface LayoutHooks {
  /** A section's heading is being measured: the layout has reached that section. */
  onMeasure: (title: string, index: number, total: number) => void;
  /** A section's first page is placed (page: in the whole report). */
  onSection: (title: string, index: number, total: number, page: number) => void;
  /** A page is placed (total unknown, so undefined), or numbered (total known). */
  onPage: (page: number, total: number | undefined) => void;
  /** A page is written into the report's file. */
  onWrite: () => void;
}

/**
 * What the report's layout is doing, told as progress steps. Section by section, it measures the
 * text (the longest step) and places it on pages (the page count not yet known); then it numbers
 * the pages and writes them into the PDF. Each step names its pass and where it has got to; the
 * bar moves through the sections while measuring and placing, and through the pages while
 * numbering and writing.
 */
export function layoutProgress(sections: number, post: (step: LayoutStep) => void): LayoutHooks {
  let section = { title: 'the contents', done: 0 };
  let placed = 0;
  let numbered = 0;
  let pages = 0;
  let written = 0;
  const place = (page: number) => {
    placed = Math.max(placed, page);
    post({
      label: `Laying out ${section.title} — page ${page}`,
      done: section.done,
      total: sections,
    });
  };
  return {
    onMeasure: (title, index, total) =>
      post({ label: `Measuring the text of ${title}`, done: index - 1, total }),
    onSection: (title, index, _total, page) => {
      section = { title, done: index - 1 };
      place(page);
    },
    onPage: (page, total) => {
      if (total === undefined) {
        if (page > placed) place(page);
      } else if (page > numbered) {
        numbered = page;
        pages = total;
        post({ label: `Numbering page ${page} of ${total}`, done: page - 1, total });
      }
    },
    onWrite: () => {
      written += 1;
      const total = Math.max(pages, written);
      post({ label: `Writing page ${written} of ${total} into the PDF`, done: written - 1, total });
    },
  };
}
