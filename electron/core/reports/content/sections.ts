/**
 * Which sections a report holds, in what order, under what titles. Both renderers (PDF and Word)
 * take the list from here and map each id to their own section module, so a section added to one
 * is a type error in the other until it is drawn there too.
 */
import { reportSectionTitles, type ReportSectionId } from '../../../../shared/contracts/reports';
import type { ReportData, ReportKind } from '../types';

export const sectionTitles = reportSectionTitles;
export type SectionId = ReportSectionId;

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
 * The report's sections in order, as the contents lists them: a template's choice (the sign-off
 * always last), else the kind's standard order. The comparison exists only when the engagement has
 * an earlier assessment, so a first assessment's report leaves it out even if a template names it.
 */
export function reportSections(d: ReportData): SectionEntry[] {
  const ids: readonly SectionId[] = d.template
    ? [...d.template.sections.filter((id) => id !== 'signoff'), 'signoff']
    : sectionOrder[d.kind];
  return ids
    .filter((id) => id !== 'comparison' || d.comparison !== null)
    .map((id) => ({ id, title: sectionTitles[id] }));
}
