/** A signed record (internal audit report, review minutes) as an editable Word document. */
import { HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { colour, setAccent } from '../charts/colours';
import { signatureBlock, signerFacts } from '../content/closing';
import { draftMark } from '../content/front';
import { recordColumns, recordMark, recordSignOffIntro, signOffTitle } from '../content/record';
import type { RecordBlock, RecordDocument } from '../record/types';
import type { ReportSigner } from '../types';
import { signatureFrame } from './closing';
import { pageFooter, quiet, runningHeader, wordDocument } from './document';
import { bullet, heading, hex, keyValues, muted, para, paragraphs, table, type Block } from './kit';

function block(b: RecordBlock): Block[] {
  switch (b.kind) {
    case 'text':
      return paragraphs(b.text);
    case 'muted':
      return [muted(b.text)];
    case 'subheading':
      return [heading(b.text, 3)];
    case 'pairs':
      return keyValues(b.pairs);
    case 'bullets':
      return b.items.map(bullet);
    case 'table':
      return table(recordColumns(b.table), b.table.rows);
  }
}

export async function renderRecordDocx(
  doc: RecordDocument,
  o: { draft: boolean; signer: ReportSigner | null },
): Promise<Buffer> {
  setAccent(doc.accent);
  const mark = o.signer
    ? new TextRun({ text: recordMark(o.signer, draftMark), ...quiet })
    : new TextRun({ text: draftMark, bold: true, color: hex(colour.poor), size: 15 });
  const document = wordDocument({
    title: `${doc.title} — ${doc.subject}`,
    subject: `${doc.client} — ${doc.subject}`,
    creator: o.signer?.name ?? 'Assay',
    description: `Assay ${doc.appVersion}`,
    header: runningHeader(`${doc.client} — ${doc.title}`, mark),
    footer: pageFooter(doc.footer),
    children: [
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
      para(doc.subject, { bold: true }),
      ...keyValues(doc.facts),
      ...doc.sections.flatMap((section) => [
        heading(section.title, 1),
        ...section.blocks.flatMap(block),
      ]),
      heading(signOffTitle, 1),
      para(recordSignOffIntro(doc, true)),
      ...keyValues(signerFacts(doc, o.signer)),
      signatureFrame(signatureBlock(doc, o.signer, true), o.signer !== null),
    ],
  });
  return Packer.toBuffer(document);
}
