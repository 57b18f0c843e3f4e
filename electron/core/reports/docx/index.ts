/**
 * The report as an editable Word document, from the same report data and section list as the
 * PDF: Word heading styles (contents and navigation pane), real tables, charts as images.
 */
import { type Document, type Header, Packer, TextRun } from 'docx';
import { colour, setAccent } from '../charts/colours';
import { draftMark, footerText, reportTitle, runningTitle } from '../content/front';
import { reportSections, type SectionId } from '../content/sections';
import { findings, method, results, soa } from './assessment';
import { evidenceIndex, signOff } from './closing';
import type { DocxContext } from './context';
import { contents, cover, executiveSummary } from './front';
import { pageFooter, quiet, runningHeader, wordDocument } from './document';
import { heading, hex, type Block } from './kit';
import { aiSystems, impactAssessments, riskRegister } from './risks';
import { certification, consistency, documentedInformation } from './readiness';
import { correctiveActions } from './actions';
import { comparison } from './comparison';
import { euAiAct, nistCoverage } from './frameworks';

const bodies: Record<SectionId, (c: DocxContext) => Block[]> = {
  summary: executiveSummary,
  readiness: certification,
  method,
  clauses: (c) => results(c, false),
  annex: (c) => results(c, true),
  findings,
  actions: correctiveActions,
  comparison,
  soa,
  documents: documentedInformation,
  systems: aiSystems,
  risks: riskRegister,
  impact: impactAssessments,
  consistency,
  euaiact: euAiAct,
  nist: nistCoverage,
  evidence: evidenceIndex,
  signoff: signOff,
};

function header(c: DocxContext): Header {
  const mark = c.draft
    ? new TextRun({ text: draftMark, bold: true, color: hex(colour.poor), size: 15 })
    : new TextRun({ text: `Signed off by ${c.signer?.name ?? ''}`, ...quiet });
  return runningHeader(runningTitle(c.d), mark);
}

export interface DocxProgress {
  (title: string, done: number, total: number): void;
}

export function buildDocx(c: DocxContext, onSection?: DocxProgress): Document {
  setAccent(c.d.branding.accentColour);
  const list = reportSections(c.d);
  const body: Block[] = [...cover(c), ...contents()];
  list.forEach((section, i) => {
    onSection?.(section.title, i + 1, list.length);
    body.push(heading(section.title, 1, true), ...bodies[section.id](c));
  });
  return wordDocument({
    title: `${reportTitle(c.d)} — ${c.d.engagement.clientName}`,
    subject: `${c.d.assessment.frameworkName} — ${c.d.assessment.title}`,
    creator: c.signer?.name ?? c.d.engagement.leadAssessor,
    description: `Assay ${c.d.appVersion}`,
    header: header(c),
    footer: pageFooter(footerText(c.d)),
    children: body,
  });
}

/** The Word file's bytes. */
export async function renderDocx(c: DocxContext, onSection?: DocxProgress): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(c, onSection));
}
