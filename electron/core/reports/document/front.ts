import type { ReportData } from '../types';
import {
  confidentialNote,
  coverFacts,
  documentsSummary,
  disclaimerTitle,
  logoBox,
  keyFindings,
  reportTitle,
  scopeHeading,
  scoreFigures,
  scoreLegend,
  scoreLines,
  stageLines,
} from '../content/front';
import type { SectionEntry } from '../content/sections';
import { colour, h, keyValues, paragraphs, pct, s, scoreColour, type Node, type Pdf } from './kit';

export { reportTitle };

/** The consultancy's logo and name above the title, when the branding has them. */
function brand(P: Pdf, d: ReportData): Node {
  const { logo, consultancyName } = d.branding;
  if (!logo && !consultancyName) return null;
  return h(
    P.View,
    { style: [s.row, { alignItems: 'center', marginBottom: 40 }] },
    logo
      ? h(P.Image, {
          src: { data: Buffer.from(logo.pngBase64, 'base64'), format: 'png' },
          style: { ...logoBox(logo), marginRight: 14 },
        })
      : null,
    consultancyName
      ? h(
          P.Text,
          { style: { fontSize: 12, fontWeight: 'bold', color: colour.ink } },
          consultancyName,
        )
      : null,
  );
}

export function cover(P: Pdf, d: ReportData, draft: boolean): Node {
  const e = d.engagement;
  const b = d.branding;
  return h(
    P.View,
    { key: 'cover', style: { marginTop: b.logo || b.consultancyName ? 24 : 90 } },
    brand(P, d),
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
    keyValues(P, coverFacts(d, draft)),
    ...paragraphs(P, b.coverText, { marginTop: 4 }, 'cover'),
    h(P.Text, { style: [s.h3, { marginTop: 18 }] }, scopeHeading),
    ...paragraphs(P, e.aimsScope),
    d.omitConfidential
      ? h(P.Text, { style: [s.small, { marginTop: 16 }] }, confidentialNote)
      : null,
    b.disclaimer
      ? h(
          P.View,
          { style: { marginTop: 24 }, wrap: false },
          h(P.Text, { style: [s.small, s.bold] }, disclaimerTitle),
          ...paragraphs(P, b.disclaimer, s.small, 'disclaimer'),
        )
      : null,
  );
}

/**
 * The contents, with each section's first page from `marks`. The numbers sit in boxes of a fixed
 * width, out of the flow, so the contents takes the same pages whatever they are: the report lays
 * it out once to learn its length, then again with the numbers (see report-pdf.ts).
 */
export function contents(P: Pdf, entries: SectionEntry[], marks: Map<string, number>): Node {
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
        // Placed absolutely, so a number never grows the row or moves the title.
        h(
          P.Text,
          {
            style: {
              position: 'absolute',
              right: 0,
              top: 5,
              width: 40,
              textAlign: 'right',
              fontSize: 10.5,
            },
          },
          String(marks.get(e.id) ?? ''),
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
  const key = keyFindings(d);
  const { clauses, annex } = scoreLines(r);
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
        ...stageLines(r).map((line, i) => h(P.Text, { key: `stage-${i}`, style: s.p }, line)),
        h(P.Text, { style: s.small }, scoreFigures(r)),
      ),
    ),
    h(P.Text, { key: 'c1', style: s.h2 }, 'Score by clause'),
    ...clauses.map((x) => bar(P, x.label, x.score, `c-${x.label}`)),
    h(P.Text, { key: 'c2', style: s.h2 }, 'Score by Annex A area'),
    ...annex.map((x) => bar(P, x.label, x.score, `a-${x.label}`)),
    h(
      P.View,
      { key: 'legend', style: [s.row, { marginTop: 4 }] },
      h(P.Text, { style: s.small }, scoreLegend),
    ),
    h(P.Text, { key: 'k', style: s.h2 }, 'Key findings'),
    key.lines.length === 0
      ? h(P.Text, { key: 'none', style: s.muted }, key.none)
      : h(
          P.View,
          { key: 'kf' },
          ...key.lines.map((line, i) => h(P.Text, { key: String(i), style: s.p }, line)),
          key.more ? h(P.Text, { style: s.small }, key.more) : null,
        ),
    h(P.Text, { key: 'doc', style: s.h2 }, 'Mandatory documented information'),
    h(P.Text, { key: 'doc-count', style: s.p }, documentsSummary(r)),
  ];
}
