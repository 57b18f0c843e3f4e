/** A signed record (internal audit report, review minutes) as a react-pdf element tree. */
import { draftMark } from '../content/front';
import { recordColumns, recordSignOffIntro, signOffTitle } from '../content/record';
import { signatureBlock, signerFacts } from '../content/closing';
import type { RecordBlock, RecordDocument } from '../record/types';
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

/** Rows a table keeps together under one header: a few lines each, they surely fit a page. */
const ROWS_PER_RUN = 10;

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
      // each is drawn in runs of rows kept whole, every run under its own header.
      const columns = recordColumns(b.table);
      const runs: string[][][] = [];
      for (let i = 0; i < b.table.rows.length; i += ROWS_PER_RUN)
        runs.push(b.table.rows.slice(i, i + ROWS_PER_RUN));
      return runs.flatMap((rows, r) =>
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
