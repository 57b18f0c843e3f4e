import type { ReportData, ReportSigner } from '../types';
import { pageChrome, sectionHeading, type Chrome } from './chrome';
import { contents, cover, executiveSummary, reportTitle, type TocEntry } from './front';
import { findings, method, results, soa } from './assessment';
import { aiSystems, impactAssessments, riskRegister } from './risks';
import { evidenceIndex, signOff } from './closing';
import { certification, consistency, documentedInformation } from './readiness';
import { euAiAct, nistCoverage } from './frameworks';
import { comparison } from './comparison';
import { correctiveActions } from './actions';
import { h, s, type Node, type Pdf } from './kit';

interface Section extends TocEntry {
  body: () => Node[];
}

function sections(P: Pdf, d: ReportData, signer: ReportSigner | null): Section[] {
  const all: Record<string, Section> = {
    summary: { id: 'summary', title: 'Executive summary', body: () => executiveSummary(P, d) },
    readiness: {
      id: 'readiness',
      title: 'Certification readiness',
      body: () => certification(P, d),
    },
    documents: {
      id: 'documents',
      title: 'Documented information',
      body: () => documentedInformation(P, d),
    },
    consistency: {
      id: 'consistency',
      title: 'Consistency checks',
      body: () => consistency(P, d),
    },
    method: { id: 'method', title: 'Scope and method', body: () => method(P, d) },
    clauses: { id: 'clauses', title: 'Results by clause', body: () => results(P, d, false) },
    annex: { id: 'annex', title: 'Results by Annex A area', body: () => results(P, d, true) },
    findings: { id: 'findings', title: 'Findings', body: () => findings(P, d) },
    actions: {
      id: 'actions',
      title: 'Corrective actions',
      body: () => correctiveActions(P, d),
    },
    comparison: {
      id: 'comparison',
      title: 'Since the previous assessment',
      body: () => comparison(P, d),
    },
    soa: { id: 'soa', title: 'Statement of Applicability', body: () => soa(P, d) },
    systems: { id: 'systems', title: 'AI systems', body: () => aiSystems(P, d) },
    risks: { id: 'risks', title: 'AI risk register', body: () => riskRegister(P, d) },
    impact: { id: 'impact', title: 'Impact assessments', body: () => impactAssessments(P, d) },
    euaiact: { id: 'euaiact', title: 'EU AI Act', body: () => euAiAct(P, d) },
    nist: { id: 'nist', title: 'NIST AI RMF coverage', body: () => nistCoverage(P, d) },
    evidence: { id: 'evidence', title: 'Evidence index', body: () => evidenceIndex(P, d) },
    signoff: { id: 'signoff', title: 'Sign-off', body: () => signOff(P, d, signer) },
  };
  const order = {
    full: [
      'summary',
      'readiness',
      'method',
      'clauses',
      'annex',
      'findings',
      'actions',
      ...(d.comparison ? ['comparison'] : []),
      'soa',
      'documents',
      'systems',
      'risks',
      'impact',
      'consistency',
      'euaiact',
      'nist',
      'evidence',
      'signoff',
    ],
    soa: ['soa', 'signoff'],
    risks: ['systems', 'risks', 'signoff'],
  }[d.kind];
  return order.map((k) => all[k]).filter((x): x is Section => x !== undefined);
}

export interface BuildOptions {
  draft: boolean;
  signer: ReportSigner | null;
  /** Section id → first page, from an earlier layout pass; null on the first pass. */
  toc: Map<string, number> | null;
  /** Filled during layout with each section's first page. */
  marks: Map<string, number>;
  onPage?: Chrome['onPage'];
  onSection?: (title: string, index: number, total: number) => void;
}

/** The whole report as a react-pdf element tree: cover, contents, then one Page per section. */
export function buildDocument(P: Pdf, d: ReportData, o: BuildOptions): Node {
  const chrome: Chrome = {
    client: d.engagement.clientName,
    title: reportTitle(d),
    draft: o.draft,
    onPage: o.onPage,
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
    page('toc', [contents(P, list, o.toc)], 'Contents'),
  ];
  list.forEach((section, i) => {
    o.onSection?.(section.title, i + 1, list.length);
    pages.push(
      page(section.id, [sectionHeading(P, section.id, section.title, o.marks), ...section.body()]),
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
