/** The words and tables of the method, results, findings and SoA sections, for both renderers. */
import type { ReportData, ReportResult } from '../types';
import type { Column } from './columns';

type Session = ReportData['sessions'][number];
type Finding = ReportData['findings'][number];
type SoaRow = ReportData['soa'][number];

export function methodIntro(d: ReportData): string {
  return `The assessment compared the AI management system of ${d.engagement.clientName} with ${d.assessment.frameworkName}: each of the ${d.assessment.total} requirements in scope was discussed in interviews and checked against documents and records. Each requirement is rated conformant, partially conformant, nonconformant or not applicable, with a maturity from 0 (absent) to 5 (optimised). Findings are graded major or minor nonconformity, observation or opportunity for improvement.`;
}

export const noSessions = 'No interview sessions were recorded.';

export const sessionColumns: Column<Session>[] = [
  { title: 'Held', width: 62, cell: (x) => x.heldAt.slice(0, 16).replace('T', ' ') },
  {
    title: 'Interviewed',
    width: 130,
    cell: (x) =>
      x.interviewees.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('\n') || '—',
  },
  {
    title: 'Topics (requirements covered)',
    width: '*',
    cell: (x) => x.topics.map((t) => `${t.ref} ${t.title}`).join('; ') || '—',
  },
  { title: 'Answers', width: 48, cell: (x) => String(x.answerCount) },
];

/** Everyone interviewed, once each, with the role last given. */
export function peopleLine(d: ReportData): string {
  const people = new Map<string, string>();
  for (const session of d.sessions)
    for (const p of session.interviewees) people.set(p.name, p.role || people.get(p.name) || '');
  return [...people.entries()].map(([n, r]) => (r ? `${n} — ${r}` : n)).join(' · ') || '—';
}

/** Result, maturity and follow-up of one requirement, as one line. */
export function resultMeta(r: ReportResult): string {
  return [
    r.result,
    r.maturity === null ? null : `maturity ${r.maturity}`,
    r.followUp ? 'follow-up' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export const interviewedLine = (r: ReportResult): string | null =>
  r.interviewees.length > 0 ? `Interviewed: ${r.interviewees.join(', ')}` : null;

export const evidenceSeenLine = (r: ReportResult): string | null =>
  r.evidence.length > 0 ? `Evidence seen: ${r.evidence.join('; ')}` : null;

export const findingsRaisedLine = (r: ReportResult): string | null =>
  r.findings.length > 0 ? `Findings: ${r.findings.join(', ')}` : null;

export const notApplicableLine = (r: ReportResult): string | null =>
  r.naJustification ? `Not applicable: ${r.naJustification}` : null;

/** Results of clauses (annex false) or Annex A (true), grouped by area in catalog order. */
export function resultAreas(
  d: ReportData,
  annex: boolean,
): { title: string; rows: ReportResult[] }[] {
  const rows = d.results.filter((r) => r.annex === annex);
  const areas = [...new Set(rows.map((r) => r.area))];
  return areas.map((area) => {
    const inArea = rows.filter((r) => r.area === area);
    return { title: `${area} ${inArea[0]?.areaTitle ?? ''}`, rows: inArea };
  });
}

/** Typed notes as paragraphs: blank lines separate them. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n{2,}/)
    .map((t) => t.trim())
    .filter(Boolean);

export const noFindings = 'No findings were raised.';

export const findingRequirement = (f: Finding): string =>
  `${f.requirementRef} ${f.requirementTitle}`;

export const findingState = (f: Finding): string =>
  `${f.status}${f.owner ? ` · ${f.owner}` : ''}${f.dueDate ? ` · due ${f.dueDate}` : ''}`;

export const findingEvidence = (f: Finding): string | null =>
  f.evidenceRef ? `Evidence: ${f.evidenceRef}` : null;

export function soaIntro(d: ReportData): string {
  const decided = d.soa.filter((x) => x.decided).length;
  return `All ${d.soa.length} Annex A controls, with whether each applies, why, and how far it is implemented. ${decided} of ${d.soa.length} decisions are recorded; rows marked “proposed” show what the answers and the risk treatment suggest and still need a decision.`;
}

export const soaColumns: Column<SoaRow>[] = [
  { title: 'Control', width: 150, cell: (x) => `${x.ref} ${x.title}` },
  {
    title: 'Applies',
    width: 52,
    cell: (x) => (x.applicable ? 'Yes' : 'No') + (x.decided ? '' : '\nproposed'),
  },
  {
    title: 'Justification',
    width: '*',
    cell: (x) => x.justification || (x.decided ? '—' : 'To be justified'),
  },
  { title: 'Implemented', width: 74, cell: (x) => x.implementation },
  {
    title: 'Risks',
    width: 48,
    cell: (x) =>
      x.risks.slice(0, 6).join(', ') + (x.risks.length > 6 ? ` +${x.risks.length - 6}` : '') || '—',
  },
];
