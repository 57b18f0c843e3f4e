/**
 * Which sections a report holds, in what order, under what titles. Both renderers (PDF and Word)
 * take the list from here and map each id to their own section module, so a section added to one
 * is a type error in the other until it is drawn there too.
 */
import type { ReportData, ReportKind } from '../types';

export const sectionTitles = {
  summary: 'Executive summary',
  readiness: 'Certification readiness',
  method: 'Scope and method',
  clauses: 'Results by clause',
  annex: 'Results by Annex A area',
  findings: 'Findings',
  actions: 'Corrective actions',
  comparison: 'Since the previous assessment',
  soa: 'Statement of Applicability',
  documents: 'Documented information',
  systems: 'AI systems',
  risks: 'AI risk register',
  impact: 'Impact assessments',
  consistency: 'Consistency checks',
  euaiact: 'EU AI Act',
  nist: 'NIST AI RMF coverage',
  evidence: 'Evidence index',
  signoff: 'Sign-off',
} as const;

export type SectionId = keyof typeof sectionTitles;

export const sectionOrder: Record<ReportKind, readonly SectionId[]> = {
  full: [
    'summary',
    'readiness',
    'method',
    'clauses',
    'annex',
    'findings',
    'actions',
    'comparison',
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
};

export interface SectionEntry {
  id: SectionId;
  title: string;
}

/**
 * The report's sections in order, as the contents lists them. The comparison exists only when the
 * engagement has an earlier assessment, so a first assessment's report leaves it out.
 */
export function reportSections(d: ReportData): SectionEntry[] {
  return sectionOrder[d.kind]
    .filter((id) => id !== 'comparison' || d.comparison !== null)
    .map((id) => ({ id, title: sectionTitles[id] }));
}
