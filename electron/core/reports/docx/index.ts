/**
 * The report as an editable Word document, from the same report data and section list as the
 * PDF: Word heading styles (contents and navigation pane), real tables, charts as images.
 */
import {
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  type PageNumberEstimator,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { colour, setAccent } from '../charts/colours';
import { draftMark, footerText, reportTitle, runningTitle } from '../content/front';
import { reportSections, type SectionId } from '../content/sections';
import { findings, method, results, soa } from './assessment';
import { evidenceIndex, signOff } from './closing';
import type { DocxContext } from './context';
import { contents, cover, executiveSummary } from './front';
import { FONT, heading, hex, PAGE, TEXT_WIDTH, type Block } from './kit';
import { aiSystems, impactAssessments, riskRegister } from './risks';
import { certification, consistency, documentedInformation } from './readiness';

const bodies: Record<SectionId, (c: DocxContext) => Block[]> = {
  summary: executiveSummary,
  readiness: certification,
  method,
  clauses: (c) => results(c, false),
  annex: (c) => results(c, true),
  findings,
  soa,
  documents: documentedInformation,
  systems: aiSystems,
  risks: riskRegister,
  impact: impactAssessments,
  consistency,
  evidence: evidenceIndex,
  signoff: signOff,
};

const small = { size: 15, color: hex(colour.muted) };

function header(c: DocxContext): Header {
  const mark = c.draft
    ? new TextRun({ text: draftMark, bold: true, color: hex(colour.poor), size: 15 })
    : new TextRun({ text: `Signed off by ${c.signer?.name ?? ''}`, ...small });
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [new TextRun({ text: runningTitle(c.d), ...small }), new TextRun('\t'), mark],
      }),
    ],
  });
}

function footer(d: DocxContext['d']): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: footerText(d), ...small }),
          new TextRun({
            ...small,
            children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/**
 * The contents lists every heading as a link but leaves page numbers to Word ("Update table"):
 * docx's own layout estimate took seconds per dozen pages here. Giving an estimate that knows no
 * page writes the contents "clean", so Word opens the file without asking to update fields;
 * headers' and footers' page fields are laid out by Word and LibreOffice themselves.
 */
const noPageNumbers: PageNumberEstimator = () => ({ bookmarks: new Map<string, string>() });

export interface DocxProgress {
  (title: string, done: number, total: number): void;
}

export function buildDocx(c: DocxContext, onSection?: DocxProgress): Document {
  setAccent(c.d.branding.accentColour);
  const accent = hex(colour.accent);
  const list = reportSections(c.d);
  const body: Block[] = [...cover(c), ...contents()];
  list.forEach((section, i) => {
    onSection?.(section.title, i + 1, list.length);
    body.push(heading(section.title, 1, true), ...bodies[section.id](c));
  });
  return new Document({
    title: `${reportTitle(c.d)} — ${c.d.engagement.clientName}`,
    subject: `${c.d.assessment.frameworkName} — ${c.d.assessment.title}`,
    creator: c.signer?.name ?? c.d.engagement.leadAssessor,
    description: `Assay ${c.d.appVersion}`,
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
        headers: { default: header(c) },
        footers: { default: footer(c.d) },
        children: body,
      },
    ],
  });
}

/** The Word file's bytes. */
export async function renderDocx(c: DocxContext, onSection?: DocxProgress): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(c, onSection));
}
