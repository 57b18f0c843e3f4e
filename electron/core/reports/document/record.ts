/** A signed record (internal audit report, review minutes) as a react-pdf element tree. */
import { draftMark } from '../content/front';
import { recordColumns, recordSignOffIntro, signOffTitle } from '../content/record';
import { signatureBlock, signerFacts } from '../content/closing';
import type { RecordBlock, RecordDocument, RecordTable } from '../record/types';
import type { ReportSigner } from '../types';
import { pageChrome } from './chrome';
import { signatureFrame } from './closing';
import {
  applyAccent,
  bookmarked,
  h,
  keyValues,
  paragraphs,
  s,
  table,
  type Node,
  type Pdf,
} from './kit';

/** The height a run of rows may take (points): well inside an A4 page's text area. */
const RUN_HEIGHT = 520;
const TEXT_WIDTH = 499;
const LINE = 11;
const ROW_PADDING = 7;

/** A row's height, estimated from its longest cell: about 4.3 points a character at 8 pt. */
function rowHeight(t: RecordTable, row: string[]): number {
  const fixed = t.columns.reduce((n, c) => n + (typeof c.width === 'number' ? c.width : 0), 0);
  const flexible = t.columns.filter((c) => c.width === '*').length || 1;
  const lines = t.columns.map((c, i) => {
    const width = typeof c.width === 'number' ? c.width : (TEXT_WIDTH - fixed) / flexible;
    const perLine = Math.max(8, Math.floor((width - 6) / 4.3));
    return (row[i] ?? '')
      .split('\n')
      .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  });
  return Math.max(...lines) * LINE + ROW_PADDING;
}

/** The rows in runs that each fit a page (a row taller than a page stands alone). */
function tableRuns(t: RecordTable): string[][][] {
  const runs: string[][][] = [];
  let current: string[][] = [];
  let height = 0;
  for (const row of t.rows) {
    const needed = rowHeight(t, row);
    if (current.length > 0 && (height + needed > RUN_HEIGHT || current.length >= 12)) {
      runs.push(current);
      current = [];
      height = 0;
    }
    current.push(row);
    height += needed;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function block(P: Pdf, b: RecordBlock, key: string): Node[] {
  switch (b.kind) {
    case 'text':
      return paragraphs(P, b.text, {}, key);
    case 'muted':
      return paragraphs(P, b.text, s.muted, key);
    case 'subheading':
      return [h(P.Text, { key, style: s.h3, minPresenceAhead: 30 }, b.text)];
    case 'pairs':
      return [h(P.View, { key }, keyValues(P, b.pairs))];
    case 'bullets':
      return b.items.map((item, i) =>
        h(P.Text, { key: `${key}-${i}`, style: [s.p, { marginLeft: 10 }] }, `•  ${item}`),
      );
    case 'table': {
      // A record has several tables on one Page, so none may have a repeating (fixed) header:
      // each is drawn in runs of rows kept whole, every run under its own header and short
      // enough to fit a page.
      const columns = recordColumns(b.table);
      return tableRuns(b.table).flatMap((rows, r) =>
        h(
          P.View,
          { key: `${key}-run${r}` },
          ...table(P, columns, rows, (row) => `${key}-${r}-${row.join('|')}`, true),
        ),
      );
    }
  }
}

/** One A4 Page: the title and facts, each section with its bookmark, then the sign-off. */
export function buildRecordPdf(
  P: Pdf,
  doc: RecordDocument,
  o: { draft: boolean; signer: ReportSigner | null },
): Node {
  applyAccent(doc.accent);
  const heading = (title: string, key: string) =>
    h(
      P.View,
      { key, ...bookmarked({ title, fit: true }), minPresenceAhead: 60 },
      h(P.Text, { style: s.h2 }, title),
    );
  const body: Node[] = [
    h(P.Text, { key: 'title', style: s.h1 }, doc.title),
    h(P.Text, { key: 'subject', style: [s.h3, { marginTop: 0 }] }, doc.subject),
    h(P.View, { key: 'facts' }, keyValues(P, doc.facts)),
    ...doc.sections.flatMap((section, i) => [
      heading(section.title, `h${i}`),
      ...section.blocks.flatMap((b, j) => block(P, b, `s${i}-${j}`)),
    ]),
    // The sign-off stays on one page: the signature block never stands apart from what it signs.
    h(
      P.View,
      { key: 'signoff', wrap: false },
      heading(signOffTitle, 'h-signoff'),
      h(P.Text, { key: 'attests', style: s.p }, recordSignOffIntro(doc, false)),
      h(P.View, { key: 'signer' }, keyValues(P, signerFacts(doc, o.signer))),
      signatureFrame(P, signatureBlock(doc, o.signer, false), o.signer !== null),
    ),
  ];
  return h(
    P.Document,
    {
      title: `${doc.title} — ${doc.subject}`,
      author: o.signer?.name ?? 'Assay',
      creator: `Assay ${doc.appVersion}`,
    },
    h(
      P.Page,
      { size: 'A4', style: s.page, wrap: true },
      ...pageChrome(P, {
        client: doc.client,
        title: o.draft ? `${doc.title} — ${draftMark}` : doc.title,
        draft: o.draft,
        footer: doc.footer,
      }),
      ...body,
    ),
  );
}
