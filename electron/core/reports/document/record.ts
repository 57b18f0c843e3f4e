/** A signed record (internal audit report, review minutes) as a react-pdf element tree. */
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
      // Inside its own View, a table's repeating header repeats only on the pages the table
      // spans: a record has several tables on one Page element.
      const columns = recordColumns(b.table);
      return [
        h(
          P.View,
          { key: `${key}-t` },
          ...table(P, columns, b.table.rows, (row) => `${key}-${row.join('|')}`, false),
        ),
      ];
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
        title: doc.title,
        draft: o.draft,
        footer: doc.footer,
      }),
      ...body,
    ),
  );
}
