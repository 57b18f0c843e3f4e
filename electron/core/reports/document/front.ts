import { verdictLabels } from '../../../../shared/rules/readiness';
import type { ReportData } from '../types';
import { colour, h, keyValues, paragraphs, pct, s, scoreColour, type Node, type Pdf } from './kit';

const kindTitles = {
  full: 'Gap assessment report',
  soa: 'Statement of Applicability',
  risks: 'AI risk register',
} as const;

export const reportTitle = (d: ReportData) => kindTitles[d.kind];

const dateRange = (a: string | null, b: string | null) =>
  a && b ? `${a} to ${b}` : (a ?? b ?? 'not set');

export function cover(P: Pdf, d: ReportData, draft: boolean): Node {
  const e = d.engagement;
  return h(
    P.View,
    { key: 'cover', style: { marginTop: 90 } },
    h(
      P.Text,
      { style: { fontSize: 11, color: colour.muted, marginBottom: 6 } },
      d.assessment.frameworkName,
    ),
    h(
      P.Text,
      {
        style: {
          fontSize: 28,
          fontWeight: 'bold',
          color: colour.accent,
          marginBottom: 8,
          lineHeight: 1.2,
        },
      },
      reportTitle(d),
    ),
    h(P.Text, { style: { fontSize: 20, marginBottom: 28, lineHeight: 1.2 } }, e.clientName),
    h(P.View, {
      style: { borderTopWidth: 2, borderTopColor: colour.accent, width: 80, marginBottom: 20 },
    }),
    keyValues(P, [
      ['Assessment', d.assessment.title],
      ['Status', d.assessment.status + (draft ? ' — draft, not signed' : '')],
      ['Lead assessor', e.leadAssessor],
      ['Engagement dates', dateRange(e.startDate, e.endDate)],
      ['Planned assessment', dateRange(d.assessment.plannedStart, d.assessment.plannedEnd)],
      ['Sites', e.sites.join(', ')],
      ['Excluded areas', d.assessment.excludedAreas.join(', ') || 'none'],
      ['Issued', d.generatedAt.slice(0, 10)],
    ]),
    h(P.Text, { style: [s.h3, { marginTop: 18 }] }, 'Scope of the AI management system'),
    ...paragraphs(P, e.aimsScope),
    d.omitConfidential
      ? h(
          P.Text,
          { style: [s.small, { marginTop: 16 }] },
          'This edition leaves out interview notes and confidential evidence.',
        )
      : null,
  );
}

export interface TocEntry {
  id: string;
  title: string;
}

export function contents(P: Pdf, entries: TocEntry[], marks: Map<string, number> | null): Node {
  return h(
    P.View,
    { key: 'toc' },
    h(P.Text, { style: s.h1 }, 'Contents'),
    ...entries.map((e) =>
      h(
        P.View,
        {
          key: e.id,
          style: [
            s.row,
            { borderBottomWidth: 0.5, borderBottomColor: colour.rule, paddingVertical: 5 },
          ],
        },
        h(P.Text, { style: { flexGrow: 1, fontSize: 10.5 } }, e.title),
        h(
          P.Text,
          { style: { width: 40, textAlign: 'right', fontSize: 10.5 } },
          String(marks?.get(e.id) ?? ''),
        ),
      ),
    ),
  );
}

function bar(P: Pdf, label: string, score: number | null, key: string): Node {
  return h(
    P.View,
    { key, style: [s.row, { alignItems: 'center', marginBottom: 3 }] },
    h(P.Text, { style: { width: 200, fontSize: 8 } }, label),
    h(
      P.View,
      { style: { flexGrow: 1, height: 9, backgroundColor: colour.band } },
      h(P.View, {
        style: {
          width: `${Math.round((score ?? 0) * 100)}%`,
          height: 9,
          backgroundColor: scoreColour(score),
        },
      }),
    ),
    h(P.Text, { style: { width: 40, textAlign: 'right', fontSize: 8 } }, pct(score)),
  );
}

export function executiveSummary(P: Pdf, d: ReportData): Node[] {
  const r = d.readiness;
  if (!r) return [];
  const key = d.findings.filter(
    (f) => f.status !== 'Closed' && (f.gradeKey === 'major' || f.gradeKey === 'minor'),
  );
  const clauses = r.sections.filter((x) => !x.area.startsWith('A.'));
  const annex = r.sections.filter((x) => x.area.startsWith('A.'));
  return [
    h(
      P.View,
      { key: 'score', style: [s.row, { marginBottom: 10 }] },
      h(
        P.View,
        {
          style: {
            width: 150,
            padding: 10,
            backgroundColor: scoreColour(r.overall.score),
            color: '#ffffff',
            marginRight: 12,
          },
        },
        h(
          P.Text,
          { style: { fontSize: 26, fontWeight: 'bold', lineHeight: 1.2 } },
          pct(r.overall.score),
        ),
        h(P.Text, { style: { fontSize: 8 } }, 'overall readiness score'),
      ),
      h(
        P.View,
        { style: { flexGrow: 1, flexBasis: 0 } },
        h(P.Text, { style: { fontSize: 13, fontWeight: 'bold', marginBottom: 4 } }, d.verdictLabel),
        ...r.reasons.map((t, i) => h(P.Text, { key: String(i), style: s.p }, `• ${t}`)),
        ...r.stages.map((st) =>
          h(
            P.Text,
            { key: `stage-${st.stage}`, style: s.p },
            `Stage ${st.stage} (${st.stage === 1 ? 'documentation review' : 'on-site audit'}): ${verdictLabels[st.verdict]}.`,
          ),
        ),
        h(
          P.Text,
          { style: s.small },
          `Clauses 4–10: ${pct(r.clauses.score)} · Annex A controls: ${pct(r.controls.score)} · assessed ${r.clauses.assessed + r.controls.assessed} of ${r.clauses.total + r.controls.total} (${pct(r.overall.coverage)})`,
        ),
      ),
    ),
    h(P.Text, { key: 'c1', style: s.h2 }, 'Score by clause'),
    ...clauses.map((x) => bar(P, `${x.area} ${x.title}`, x.score, `c-${x.area}`)),
    h(P.Text, { key: 'c2', style: s.h2 }, 'Score by Annex A area'),
    ...annex.map((x) => bar(P, `${x.area} ${x.title}`, x.score, `a-${x.area}`)),
    h(
      P.View,
      { key: 'legend', style: [s.row, { marginTop: 4 }] },
      h(
        P.Text,
        { style: s.small },
        'Green: 85 % and above · amber: 60–84 % · red: below 60 % · grey: nothing applicable assessed.',
      ),
    ),
    h(P.Text, { key: 'k', style: s.h2 }, 'Key findings'),
    key.length === 0
      ? h(P.Text, { key: 'none', style: s.muted }, 'No open major or minor nonconformity.')
      : h(
          P.View,
          { key: 'kf' },
          ...key
            .slice(0, 12)
            .map((f) =>
              h(
                P.Text,
                { key: f.ref, style: s.p },
                `${f.ref} (${f.grade}, ${f.requirementRef}): ${f.statement}`,
              ),
            ),
          key.length > 12
            ? h(
                P.Text,
                { style: s.small },
                `… and ${key.length - 12} more open nonconformities in the Findings section.`,
              )
            : null,
        ),
    h(P.Text, { key: 'doc', style: s.h2 }, 'Mandatory documented information'),
    h(P.Text, { key: 'doc-count', style: s.p }, documentsSummary(r.documents)),
  ];
}

/** One line on the register; the Documented information section lists every item. */
function documentsSummary(documents: NonNullable<ReportData['readiness']>['documents']): string {
  const required = documents.filter((x) => x.required);
  const inPlace = required.filter((x) => x.status === 'in-place').length;
  const missing = required.length - inPlace;
  if (missing === 0)
    return `All ${required.length} required items are in place (the Documented information section lists them).`;
  return `${inPlace} of ${required.length} required items are in place; ${missing} ${missing === 1 ? 'is' : 'are'} not (the Documented information section says which and why).`;
}
