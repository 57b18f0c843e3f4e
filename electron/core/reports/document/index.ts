import type { ReportData, ReportSigner } from '../types';
import { pageChrome, sectionHeading, stampedFooter, type Chrome } from './chrome';
import { contents, cover, executiveSummary, reportTitle } from './front';
import { footerText } from '../content/front';
import { reportSections, type SectionEntry, type SectionId } from '../content/sections';
import { findings, method, results, soa } from './assessment';
import { aiSystems, impactAssessments, riskRegister } from './risks';
import { evidenceIndex, signOff } from './closing';
import { certification, consistency, documentedInformation } from './readiness';
import { euAiAct, nistCoverage } from './frameworks';
import { comparison } from './comparison';
import { correctiveActions } from './actions';
import { applyAccent, h, s, type Node, type Pdf } from './kit';

interface Section extends SectionEntry {
  body: () => Node[];
}

function sections(P: Pdf, d: ReportData, signer: ReportSigner | null): Section[] {
  const bodies: Record<SectionId, () => Node[]> = {
    summary: () => executiveSummary(P, d),
    readiness: () => certification(P, d),
    method: () => method(P, d),
    clauses: () => results(P, d, false),
    annex: () => results(P, d, true),
    findings: () => findings(P, d),
    actions: () => correctiveActions(P, d),
    comparison: () => comparison(P, d),
    soa: () => soa(P, d),
    documents: () => documentedInformation(P, d),
    systems: () => aiSystems(P, d),
    risks: () => riskRegister(P, d),
    impact: () => impactAssessments(P, d),
    consistency: () => consistency(P, d),
    euaiact: () => euAiAct(P, d),
    nist: () => nistCoverage(P, d),
    evidence: () => evidenceIndex(P, d),
    signoff: () => signOff(P, d, signer),
  };
  return reportSections(d).map((entry) => ({ ...entry, body: bodies[entry.id] }));
}

export interface PartOptions {
  draft: boolean;
  signer: ReportSigner | null;
  /** Called as each section's heading is measured: the measuring has reached that section. */
  onMeasure?: (title: string, index: number, total: number) => void;
}

/**
 * The report as separate react-pdf documents, laid out one after another so that only one part's
 * layout is ever in memory (a laid-out page holds every glyph's position): the front (cover and
 * contents), each section (a Page element of its own, so it starts on a new page), and the
 * footers, drawn alone once the page count is known and stamped onto the pages.
 */
export interface ReportParts {
  /** The parts' pages as a document with the report's properties (title, author, outline mode). */
  document: (pages: Node[]) => Node;
  /** The cover and the contents, each section's first page taken from `marks`. */
  front: (marks: Map<string, number>, onWrite?: () => void) => Node[];
  sections: {
    id: SectionId;
    title: string;
    /** The section's Page element; `onWrite` is called as each of its pages is written. */
    page: (onWrite?: () => void) => Node;
  }[];
  /** One page per page of the report, holding only its footer ("Page N of M"). */
  footers: (total: number, onWrite?: (page: number) => void) => Node[];
}

export function reportParts(P: Pdf, d: ReportData, o: PartOptions): ReportParts {
  applyAccent(d.branding.accentColour);
  const chrome = (onWrite?: () => void): Chrome => ({
    client: d.engagement.clientName,
    title: reportTitle(d),
    draft: o.draft,
    footer: footerText(d),
    stampedFooter: true,
    onWrite,
  });
  const list = sections(P, d, o.signer);
  const page = (key: string, children: Node[], bookmark?: string) =>
    h(
      P.Page,
      {
        key,
        size: 'A4',
        style: s.page,
        wrap: true,
        // The measure-once pagination engine: several times faster on long documents.
        experimentalPagination: true,
        ...(bookmark ? { bookmark } : {}),
      },
      ...children,
    );
  return {
    document: (pages) =>
      h(
        P.Document,
        {
          title: `${reportTitle(d)} — ${d.engagement.clientName}`,
          author: o.signer?.name ?? d.engagement.leadAssessor,
          subject: `${d.assessment.frameworkName} — ${d.assessment.title}`,
          creator: `Assay ${d.appVersion}`,
          producer: `Assay ${d.appVersion}`,
          language: 'en',
          pageMode: 'useOutlines',
        },
        ...pages,
      ),
    front: (marks, onWrite) => [
      page('cover', [...pageChrome(P, chrome(onWrite)), cover(P, d, o.draft)], 'Cover'),
      page('toc', [...pageChrome(P, chrome(onWrite)), contents(P, list, marks)], 'Contents'),
    ],
    sections: list.map((section, i) => ({
      id: section.id,
      title: section.title,
      page: (onWrite) =>
        page(section.id, [
          ...pageChrome(P, chrome(onWrite)),
          sectionHeading(P, section.id, section.title, () =>
            o.onMeasure?.(section.title, i + 1, list.length),
          ),
          ...section.body(),
        ]),
    })),
    footers: (total, onWrite) =>
      Array.from({ length: total }, (_, i) =>
        page(
          `footer-${i + 1}`,
          stampedFooter(P, chrome(onWrite && (() => onWrite(i + 1))), i + 1, total),
        ),
      ),
  };
}
