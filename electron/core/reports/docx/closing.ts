/** The evidence index and the sign-off, in Word. */
import { BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { colour } from '../charts/colours';
import {
  evidenceColumns,
  evidenceIntro,
  noEvidence,
  signatureBlock,
  signerFacts,
  signOffIntro,
  type SignatureBlock,
} from '../content/closing';
import type { DocxContext } from './context';
import { hex, keyValues, MONO, muted, para, runs, table, TEXT_WIDTH, type Block } from './kit';

export function evidenceIndex({ d }: DocxContext): Block[] {
  return [
    para(evidenceIntro(d)),
    ...(d.evidence.length === 0 ? [muted(noEvidence)] : table(evidenceColumns, d.evidence)),
  ];
}

/**
 * The sign-off: who signed the report off, in a framed block. The Word edition is editable, so it
 * says the digital signature is on the PDF edition rather than claiming one of its own.
 */
export function signOff({ d, signer }: DocxContext): Block[] {
  return [
    para(signOffIntro(d, true)),
    ...keyValues(signerFacts(d, signer)),
    signatureFrame(signatureBlock(d, signer, true), signer !== null),
  ];
}

/** The framed block naming the signer (accent when signed, red for a draft). */
export function signatureFrame(block: SignatureBlock, signed: boolean): Table {
  const tone = hex(signed ? colour.accent : colour.poor);
  const edge = { style: BorderStyle.SINGLE, size: 8, color: tone };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            borders: { top: edge, bottom: edge, left: edge, right: edge },
            margins: { top: 200, bottom: 200, left: 200, right: 200 },
            children: [
              new Paragraph({
                spacing: { after: 80 },
                children: [new TextRun({ text: block.title, bold: true, size: 22, color: tone })],
              }),
              ...block.lines.map((line) => para(line)),
              ...(block.fingerprint
                ? [new Paragraph({ children: runs(block.fingerprint, { font: MONO, size: 15 }) })]
                : []),
              ...(block.check
                ? [
                    new Paragraph({
                      spacing: { before: 120 },
                      children: runs(block.check, { size: 15, color: hex(colour.muted) }),
                    }),
                  ]
                : []),
            ],
          }),
        ],
      }),
    ],
  });
}
