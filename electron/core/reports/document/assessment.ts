import type { ReportData, ReportResult } from '../types';
import {
  evidenceSeenLine,
  findingEvidence,
  findingsRaisedLine,
  findingRequirement,
  findingState,
  interviewedLine,
  methodIntro,
  noFindings,
  noSessions,
  notApplicableLine,
  peopleLine,
  resultAreas,
  resultMeta,
  sessionColumns,
  soaColumns,
  soaIntro,
} from '../content/assessment';
import { colour, h, paragraphs, s, table, type Node, type Pdf } from './kit';
import { subHeading } from './chrome';

const resultColour: Record<string, string> = {
  Conformant: colour.good,
  'Partially conformant': colour.fair,
  Nonconformant: colour.poor,
};

export function method(P: Pdf, d: ReportData): Node[] {
  return [
    h(P.Text, { key: 'intro', style: s.p }, methodIntro(d)),
    subHeading(P, 'Interview sessions'),
    d.sessions.length === 0
      ? h(P.Text, { key: 'none', style: s.muted }, noSessions)
      : table(P, sessionColumns, d.sessions, (x) => x.heldAt),
    subHeading(P, 'People interviewed', false),
    h(P.Text, { key: 'people', style: s.p }, peopleLine(d)),
  ];
}

/**
 * One requirement as page-level pieces: the heading with its first paragraph kept together (no
 * heading alone at the foot of a page), then the other paragraphs, which may break between pages.
 * A container would not do: react-pdf cannot split a View taller than a page.
 */
function requirementBlock(P: Pdf, r: ReportResult, omit: boolean, lead: Node = null): Node[] {
  const meta = resultMeta(r);
  const interviewed = interviewedLine(r);
  const na = notApplicableLine(r);
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
    interviewed ? h(P.Text, { style: [bar, s.small] }, interviewed) : null,
    na ? h(P.Text, { style: [bar, s.p, s.italic] }, na) : null,
    notes[0] ?? null,
  );
  const refs = [evidenceSeenLine(r), findingsRaisedLine(r)].flatMap((line, i) =>
    line ? [h(P.Text, { key: `${r.ref}-ref${i}`, style: [bar, s.small] }, line)] : [],
  );
  return [
    head,
    ...notes.slice(1),
    ...refs,
    h(P.View, { key: `${r.ref}-end`, style: { height: 6 } }),
  ];
}

/** Results grouped by clause or Annex A area, each area with its own bookmark. */
export function results(P: Pdf, d: ReportData, annex: boolean): Node[] {
  return resultAreas(d, annex).flatMap(({ title, rows: inArea }) => {
    // The area heading travels with its first requirement.
    const heading = subHeading(P, title);
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
  if (d.findings.length === 0) return [h(P.Text, { key: 'none', style: s.muted }, noFindings)];
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
        h(P.Text, { style: [s.small, { flexGrow: 1, flexBasis: 0 }] }, findingRequirement(f)),
        h(P.Text, { style: s.small }, findingState(f)),
      ),
      h(P.Text, { style: s.p }, f.statement),
      findingEvidence(f) ? h(P.Text, { style: s.small }, findingEvidence(f)) : null,
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
  return [
    h(P.Text, { key: 'intro', style: s.p }, soaIntro(d)),
    table(P, soaColumns, d.soa, (x) => x.ref),
  ];
}
