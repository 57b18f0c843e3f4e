/** The words of the cover and the executive summary, shared by the PDF and the Word document. */
import { reportKindLabels } from '../../../../shared/contracts/reports';
import type { ReadinessView } from '../../../../shared/contracts/readiness';
import { verdictLabels } from '../../../../shared/rules/readiness';
import type { ReportData } from '../types';

export const reportTitle = (d: ReportData): string => reportKindLabels[d.kind];

export const pct = (n: number | null): string => (n === null ? '—' : `${Math.round(n * 100)} %`);

const dateRange = (a: string | null, b: string | null) =>
  a && b ? `${a} to ${b}` : (a ?? b ?? 'not set');

/** The cover's facts, label then value. */
export function coverFacts(d: ReportData, draft: boolean): [string, string][] {
  const e = d.engagement;
  return [
    ['Assessment', d.assessment.title],
    ['Status', d.assessment.status + (draft ? ' — draft, not signed' : '')],
    ['Lead assessor', e.leadAssessor],
    ['Engagement dates', dateRange(e.startDate, e.endDate)],
    ['Planned assessment', dateRange(d.assessment.plannedStart, d.assessment.plannedEnd)],
    ['Sites', e.sites.join(', ')],
    ['Excluded areas', d.assessment.excludedAreas.join(', ') || 'none'],
    ['Issued', d.generatedAt.slice(0, 10)],
  ];
}

export const scopeHeading = 'Scope of the AI management system';
export const confidentialNote =
  'This edition leaves out interview notes and confidential evidence.';

/** The line under the verdict: both scores and how much was assessed. */
export function scoreFigures(r: ReadinessView): string {
  return `Clauses 4–10: ${pct(r.clauses.score)} · Annex A controls: ${pct(r.controls.score)} · assessed ${r.clauses.assessed + r.controls.assessed} of ${r.clauses.total + r.controls.total} (${pct(r.overall.coverage)})`;
}

export const scoreLegend =
  'Green: 85 % and above · amber: 60–84 % · red: below 60 % · grey: nothing applicable assessed.';

export interface ScoreLine {
  label: string;
  score: number | null;
}

/** Section scores, clauses first then Annex A areas. */
export function scoreLines(r: ReadinessView): { clauses: ScoreLine[]; annex: ScoreLine[] } {
  const line = (x: ReadinessView['sections'][number]) => ({
    label: `${x.area} ${x.title}`,
    score: x.score,
  });
  return {
    clauses: r.sections.filter((x) => !x.area.startsWith('A.')).map(line),
    annex: r.sections.filter((x) => x.area.startsWith('A.')).map(line),
  };
}

const KEY_FINDINGS_SHOWN = 12;

/** Open major and minor nonconformities, the first dozen as lines, and what is left unsaid. */
export function keyFindings(d: ReportData): { lines: string[]; more: string | null; none: string } {
  const key = d.findings.filter(
    (f) => f.status !== 'Closed' && (f.gradeKey === 'major' || f.gradeKey === 'minor'),
  );
  return {
    lines: key
      .slice(0, KEY_FINDINGS_SHOWN)
      .map((f) => `${f.ref} (${f.grade}, ${f.requirementRef}): ${f.statement}`),
    more:
      key.length > KEY_FINDINGS_SHOWN
        ? `… and ${key.length - KEY_FINDINGS_SHOWN} more open nonconformities in the Findings section.`
        : null,
    none: 'No open major or minor nonconformity.',
  };
}

/** Each audit stage's verdict, as one line under the overall verdict. */
export const stageLines = (r: ReadinessView): string[] =>
  r.stages.map(
    (st) =>
      `Stage ${st.stage} (${st.stage === 1 ? 'documentation review' : 'on-site audit'}): ${verdictLabels[st.verdict]}.`,
  );

/** One line on the register; the Documented information section lists every item. */
export function documentsSummary(r: ReadinessView): string {
  const required = r.documents.filter((x) => x.required);
  const inPlace = required.filter((x) => x.status === 'in-place').length;
  const missing = required.length - inPlace;
  if (missing === 0)
    return `All ${required.length} required items are in place (the Documented information section lists them).`;
  return `${inPlace} of ${required.length} required items are in place; ${missing} ${missing === 1 ? 'is' : 'are'} not (the Documented information section says which and why).`;
}

/** The running header's left side and the footer's, on every page of both editions. */
export const runningTitle = (d: ReportData): string =>
  `${d.engagement.clientName} — ${reportTitle(d)}`;
/** The footer names the consultancy when the branding has one, else Assay. */
export const footerText = (d: ReportData): string =>
  `${d.branding.consultancyName || 'Assay'} — ISO/IEC 42001 gap assessment`;

export const disclaimerTitle = 'Disclaimer';

/** The logo's printed size in points: within a 170 × 60 box, its proportions kept. */
export function logoBox(logo: { width: number; height: number }): {
  width: number;
  height: number;
} {
  const scale = Math.min(170 / logo.width, 60 / logo.height);
  return { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
}
export const draftMark = 'DRAFT — not signed';
