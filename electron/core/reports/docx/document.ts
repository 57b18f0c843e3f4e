/**
 * A Word document in the reports' house style: A4 with 2 cm margins, Arial, headings in the
 * accent colour through Word's own heading styles (so the navigation pane and contents work).
 */
import {
  Document,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  type PageNumberEstimator,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { colour } from '../charts/colours';
import { FONT, hex, PAGE, TEXT_WIDTH, type Block } from './kit';

/** The running header's and footer's small muted text. */
export const quiet = { size: 15, color: hex(colour.muted) };

/** A header with the title on the left and `mark` (draft, signer) at the right margin. */
export function runningHeader(title: string, mark: TextRun): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [new TextRun({ text: title, ...quiet }), new TextRun('\t'), mark],
      }),
    ],
  });
}

/** A footer with `text` on the left and "Page n of m" at the right margin. */
export function pageFooter(text: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text, ...quiet }),
          new TextRun({
            ...quiet,
            children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/**
 * Contents page numbers are left to Word ("Update table"): docx's own layout estimate took
 * seconds per dozen pages here. An estimate that knows no page writes the contents "clean", so
 * Word opens the file without asking to update fields; headers' and footers' page fields are laid
 * out by Word and LibreOffice themselves.
 */
const noPageNumbers: PageNumberEstimator = () => ({ bookmarks: new Map<string, string>() });

export interface WordDocument {
  title: string;
  subject: string;
  creator: string;
  description: string;
  header: Header;
  footer: Footer;
  children: Block[];
}

/** The document with its styles; call setAccent first so headings take the branding's accent. */
export function wordDocument(o: WordDocument): Document {
  const accent = hex(colour.accent);
  return new Document({
    title: o.title,
    subject: o.subject,
    creator: o.creator,
    description: o.description,
    pageNumbers: noPageNumbers,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 19 },
          paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: FONT, size: 56, bold: true, color: accent },
          paragraph: { spacing: { after: 160 } },
        },
        heading1: {
          run: { font: FONT, size: 36, bold: true, color: accent },
          paragraph: { spacing: { after: 200 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: accent },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: FONT, size: 20, bold: true, color: hex(colour.ink) },
          paragraph: { spacing: { before: 160, after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
            },
          },
        },
        headers: { default: o.header },
        footers: { default: o.footer },
        children: o.children,
      },
    ],
  });
}
