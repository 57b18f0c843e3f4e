import type { ReportData, ReportResult } from '../types';
import { colour, h, paragraphs, s, table, type Node, type Pdf } from './kit';
import { subHeading } from './chrome';

const resultColour: Record<string, string> = {
  Conformant: colour.good,
  'Partially conformant': colour.fair,
  Nonconformant: colour.poor,
};

export function method(P: Pdf, d: ReportData): Node[] {
  const people = new Map<string, string>();
  for (const session of d.sessions)
    for (const p of session.interviewees) people.set(p.name, p.role || people.get(p.name) || '');
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      `The assessment compared the AI management system of ${d.engagement.clientName} with ${d.assessment.frameworkName}: each of the ${d.assessment.total} requirements in scope was discussed in interviews and checked against documents and records. Each requirement is rated conformant, partially conformant, nonconformant or not applicable, with a maturity from 0 (absent) to 5 (optimised). Findings are graded major or minor nonconformity, observation or opportunity for improvement.`,
    ),
    subHeading(P, 'Interview sessions'),
    d.sessions.length === 0
      ? h(P.Text, { key: 'none', style: s.muted }, 'No interview sessions were recorded.')
      : table(
          P,
          [
            { title: 'Held', width: 62, cell: (x) => x.heldAt.slice(0, 16).replace('T', ' ') },
            {
              title: 'Interviewed',
              width: 130,
              cell: (x) =>
                x.interviewees.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('\n') ||
                '—',
            },
            {
              title: 'Topics (requirements covered)',
              width: '*',
              cell: (x) => x.topics.map((t) => `${t.ref} ${t.title}`).join('; ') || '—',
            },
            { title: 'Answers', width: 48, cell: (x) => String(x.answerCount) },
          ],
          d.sessions,
          (x) => x.heldAt,
        ),
    subHeading(P, 'People interviewed', false),
    h(
      P.Text,
      { key: 'people', style: s.p },
      [...people.entries()].map(([n, r]) => (r ? `${n} — ${r}` : n)).join(' · ') || '—',
    ),
  ];
}

/**
 * One requirement as page-level pieces: the heading with its first paragraph kept together (no
 * heading alone at the foot of a page), then the other paragraphs, which may break between pages.
 * A container would not do: react-pdf cannot split a View taller than a page.
 */
function requirementBlock(P: Pdf, r: ReportResult, omit: boolean, lead: Node = null): Node[] {
  const meta = [
    r.result,
    r.maturity === null ? null : `maturity ${r.maturity}`,
    r.followUp ? 'follow-up' : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const bar = {
    borderLeftWidth: 2,
    borderLeftColor: resultColour[r.result] ?? colour.na,
    paddingLeft: 6,
  };
  const notes = omit ? [] : paragraphs(P, r.notes, bar, `${r.ref}-p`);
  const head = h(
    P.View,
    { key: `${r.ref}-head`, wrap: false },
    lead,
    h(
      P.View,
      { style: [bar, s.row, { justifyContent: 'space-between', paddingTop: 2 }] },
      h(P.Text, { style: [s.bold, { flexGrow: 1, flexBasis: 0 }] }, `${r.ref}  ${r.title}`),
      h(P.Text, { style: { color: resultColour[r.result] ?? colour.muted, fontSize: 8 } }, meta),
    ),
    r.interviewees.length > 0
      ? h(P.Text, { style: [bar, s.small] }, `Interviewed: ${r.interviewees.join(', ')}`)
      : null,
    r.naJustification
      ? h(P.Text, { style: [bar, s.p, s.italic] }, `Not applicable: ${r.naJustification}`)
      : null,
    notes[0] ?? null,
  );
  return [head, ...notes.slice(1), h(P.View, { key: `${r.ref}-end`, style: { height: 6 } })];
}

/** Results grouped by clause or Annex A area, each area with its own bookmark. */
export function results(P: Pdf, d: ReportData, annex: boolean): Node[] {
  const rows = d.results.filter((r) => r.annex === annex);
  const areas = [...new Set(rows.map((r) => r.area))];
  return areas.flatMap((area) => {
    const inArea = rows.filter((r) => r.area === area);
    // The area heading travels with its first requirement.
    const heading = subHeading(P, `${area} ${inArea[0]?.areaTitle ?? ''}`);
    return inArea.flatMap((r, i) =>
      requirementBlock(P, r, d.omitConfidential, i === 0 ? heading : null),
    );
  });
}

const gradeColour: Record<string, string> = {
  major: colour.poor,
  minor: colour.fair,
  observation: colour.accent,
  improvement: colour.good,
};

export function findings(P: Pdf, d: ReportData): Node[] {
  if (d.findings.length === 0)
    return [h(P.Text, { key: 'none', style: s.muted }, 'No findings were raised.')];
  return d.findings.map((f) =>
    h(
      P.View,
      {
        key: f.ref,
        wrap: false,
        style: {
          marginBottom: 8,
          paddingBottom: 6,
          borderBottomWidth: 0.5,
          borderBottomColor: colour.rule,
        },
      },
      h(
        P.View,
        {
          style: [s.row, { alignItems: 'center', marginBottom: 2 }],
          wrap: false,
          minPresenceAhead: 30,
        },
        h(P.Text, { style: [s.bold, { width: 44 }] }, f.ref),
        h(
          P.Text,
          {
            style: [
              s.chip,
              { backgroundColor: gradeColour[f.gradeKey] ?? colour.muted, marginRight: 6 },
            ],
          },
          f.grade,
        ),
        h(
          P.Text,
          { style: [s.small, { flexGrow: 1, flexBasis: 0 }] },
          `${f.requirementRef} ${f.requirementTitle}`,
        ),
        h(
          P.Text,
          { style: s.small },
          `${f.status}${f.owner ? ` · ${f.owner}` : ''}${f.dueDate ? ` · due ${f.dueDate}` : ''}`,
        ),
      ),
      h(P.Text, { style: s.p }, f.statement),
      f.evidenceRef ? h(P.Text, { style: s.small }, `Evidence: ${f.evidenceRef}`) : null,
      f.recommendation
        ? h(
            P.Text,
            { style: [s.p, { marginTop: 2 }] },
            h(P.Text, { style: s.bold }, 'Recommendation: '),
            f.recommendation,
          )
        : null,
    ),
  );
}

export function soa(P: Pdf, d: ReportData): Node[] {
  const decided = d.soa.filter((x) => x.decided).length;
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      `All ${d.soa.length} Annex A controls, with whether each applies, why, and how far it is implemented. ${decided} of ${d.soa.length} decisions are recorded; rows marked “proposed” show what the answers and the risk treatment suggest and still need a decision.`,
    ),
    table(
      P,
      [
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
            x.risks.slice(0, 6).join(', ') +
              (x.risks.length > 6 ? ` +${x.risks.length - 6}` : '') || '—',
        },
      ],
      d.soa,
      (x) => x.ref,
    ),
  ];
}
