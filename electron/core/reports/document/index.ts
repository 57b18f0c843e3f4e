import type { ReportData, ReportSigner } from '../types';
import { pageChrome, sectionHeading, type Chrome } from './chrome';
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

export interface BuildOptions {
  draft: boolean;
  signer: ReportSigner | null;
  /** Filled during layout with each section's first page; the contents reads it. */
  marks: Map<string, number>;
  onPage?: Chrome['onPage'];
  onWrite?: Chrome['onWrite'];
  /** Called as each section's heading is measured: the measuring has reached that section. */
  onMeasure?: (title: string, index: number, total: number) => void;
  /** Called as each section's heading is laid out: the layout has reached that section. */
  onSection?: (title: string, index: number, total: number, page: number) => void;
}

/** The whole report as a react-pdf element tree: cover, contents, then one Page per section. */
export function buildDocument(P: Pdf, d: ReportData, o: BuildOptions): Node {
  applyAccent(d.branding.accentColour);
  const chrome: Chrome = {
    client: d.engagement.clientName,
    title: reportTitle(d),
    draft: o.draft,
    footer: footerText(d),
    onPage: o.onPage,
    onWrite: o.onWrite,
  };
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
      ...pageChrome(P, chrome),
      ...children,
    );
  const pages: Node[] = [
    page('cover', [cover(P, d, o.draft)], 'Cover'),
    page('toc', [contents(P, list, o.marks)], 'Contents'),
  ];
  list.forEach((section, i) => {
    const reached = (page: number) => o.onSection?.(section.title, i + 1, list.length, page);
    const measured = () => o.onMeasure?.(section.title, i + 1, list.length);
    pages.push(
      page(section.id, [
        sectionHeading(P, section.id, section.title, o.marks, reached, measured),
        ...section.body(),
      ]),
    );
  });
  return h(
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
  );
}
