import type { HeatMap, ReportData, RiskSummary } from '../types';
import { bandColour, h, keyValues, readableOn, s, table, type Node, type Pdf } from './kit';
import { subHeading } from './chrome';

export function aiSystems(P: Pdf, d: ReportData): Node[] {
  if (d.aiSystems.length === 0)
    return [
      h(P.Text, { key: 'none', style: s.muted }, 'No AI systems are recorded for this engagement.'),
    ];
  return d.aiSystems.map((x) =>
    h(
      P.View,
      { key: x.name, style: { marginBottom: 8 }, wrap: false },
      h(P.Text, { style: s.h3 }, x.name),
      keyValues(P, [
        ['Purpose', x.purpose],
        ['Organisation’s role', x.orgRole],
        ['Life-cycle stage', x.lifecycleStage],
        ['Model type', x.modelType],
        ['Data categories', x.dataCategories.join(', ')],
        ['Owner', x.owner],
        ['Risks recorded', String(x.riskCount)],
      ]),
    ),
  );
}

function heatMap(P: Pdf, title: string, map: HeatMap, r: RiskSummary): Node {
  const bands = r.criteria.bands.map((b) => b.name);
  const L = map.counts.length;
  const cell = 34;
  return h(
    P.View,
    { key: title, style: { marginRight: 18 }, wrap: false },
    h(P.Text, { style: s.h3 }, title),
    h(
      P.View,
      { style: s.row },
      h(
        P.View,
        null,
        ...Array.from({ length: L }, (_, k) => L - 1 - k).map((l) =>
          h(
            P.View,
            { key: String(l), style: s.row },
            h(
              P.Text,
              {
                style: [
                  s.small,
                  { width: 62, height: cell, paddingTop: 12, textAlign: 'right', paddingRight: 4 },
                ],
              },
              r.criteria.likelihoodLabels[l] ?? String(l + 1),
            ),
            ...(map.counts[l] ?? []).map((n, i) => {
              const band = map.bands[l]?.[i] ?? '';
              return h(
                P.View,
                {
                  key: String(i),
                  style: {
                    width: cell,
                    height: cell,
                    backgroundColor: bandColour(bands.indexOf(band), bands.length),
                    borderWidth: 0.5,
                    borderColor: '#ffffff',
                    alignItems: 'center',
                    justifyContent: 'center',
                  },
                },
                h(
                  P.Text,
                  {
                    style: {
                      fontSize: 9,
                      fontWeight: 'bold',
                      color: readableOn(bandColour(bands.indexOf(band), bands.length)),
                    },
                  },
                  n > 0 ? String(n) : '',
                ),
              );
            }),
          ),
        ),
        h(
          P.View,
          { style: [s.row, { marginLeft: 62 }] },
          ...r.criteria.impactLabels.map((label) =>
            h(
              P.Text,
              { key: label, style: [s.small, { width: cell, textAlign: 'center', fontSize: 6 }] },
              label,
            ),
          ),
        ),
        h(
          P.Text,
          { style: [s.small, { marginLeft: 62, marginTop: 2 }] },
          'Likelihood (rows) × impact (columns)',
        ),
      ),
    ),
  );
}

export function riskRegister(P: Pdf, d: ReportData): Node[] {
  const r = d.risks;
  if (!r || r.total === 0)
    return [
      h(P.Text, { key: 'none', style: s.muted }, 'No risks are recorded for this engagement.'),
    ];
  const legend = r.criteria.bands.map((b, i) =>
    h(
      P.View,
      { key: b.name, style: [s.row, { alignItems: 'center', marginRight: 10 }] },
      h(P.View, {
        style: {
          width: 9,
          height: 9,
          backgroundColor: bandColour(i, r.criteria.bands.length),
          marginRight: 3,
        },
      }),
      h(P.Text, { style: s.small }, `${b.name} (from ${b.minScore})`),
    ),
  );
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      `${r.total} risks are recorded. Levels follow the engagement’s risk criteria (version ${r.criteria.version}${r.criteria.version === 0 ? ', the defaults' : ''}): score = likelihood × impact; scores up to ${r.criteria.acceptanceThreshold} may be accepted without treatment.${r.staleCount > 0 ? ` ${r.staleCount} risks were rated under older criteria and should be re-rated.` : ''}`,
    ),
    h(
      P.View,
      { key: 'maps', style: [s.row, { marginBottom: 6 }] },
      heatMap(P, 'Inherent risk', r.inherent, r),
      heatMap(P, 'Residual risk', r.residual, r),
    ),
    h(P.View, { key: 'legend', style: [s.row, { marginBottom: 8, flexWrap: 'wrap' }] }, ...legend),
    table(
      P,
      [
        { title: 'Band', width: '*', cell: (x) => x.band },
        { title: 'Inherent', width: 80, cell: (x) => String(x.inherent) },
        { title: 'Residual', width: 80, cell: (x) => String(x.residual) },
      ],
      r.byBand,
      (x) => x.band,
      true,
    ),
    h(
      P.Text,
      { key: 'status', style: [s.small, { marginBottom: 6 }] },
      `By status: ${r.byStatus.map((x) => `${x.status} ${x.count}`).join(' · ')}`,
    ),
    subHeading(P, r.listedAll ? 'Risk register' : `The ${r.listed.length} highest-rated risks`),
    r.listedAll
      ? null
      : h(
          P.Text,
          { key: 'more', style: [s.small, { marginBottom: 4 }] },
          `Ordered by current level; all ${r.total} risks are in the register's spreadsheet export (Risks → Export).`,
        ),
    table(
      P,
      [
        { title: 'Ref', width: 40, cell: (x) => x.ref },
        {
          title: 'Risk',
          width: '*',
          cell: (x) => `${x.title}${x.systems.length ? `\n${x.systems.join(', ')}` : ''}`,
        },
        { title: 'Inherent', width: 52, cell: (x) => x.inherent },
        { title: 'Treatment', width: 70, cell: (x) => x.treatment },
        { title: 'Controls', width: 62, cell: (x) => x.controls.join(', ') || '—' },
        { title: 'Residual', width: 52, cell: (x) => x.residual },
        { title: 'Owner / status', width: 70, cell: (x) => `${x.owner || '—'}\n${x.status}` },
      ],
      r.listed,
      (x) => x.ref,
    ),
  ];
}

export function impactAssessments(P: Pdf, d: ReportData): Node[] {
  if (d.impactAssessments.length === 0)
    return [
      h(P.Text, { key: 'none', style: s.muted }, 'No AI system impact assessments are recorded.'),
    ];
  return d.impactAssessments.map((a, i) =>
    h(
      P.View,
      { key: String(i), style: { marginBottom: 8 } },
      h(
        P.Text,
        { style: s.h3, minPresenceAhead: 40 },
        `${a.aiSystem} — severity ${a.severity}, likelihood ${a.likelihood}`,
      ),
      keyValues(P, [
        ['Affected', a.affected.join('; ')],
        ['Impact areas', a.areas.join(', ')],
        ['Measures in place', a.measuresInPlace],
        ['Measures planned', a.measuresPlanned],
        ['Outcome', a.outcome],
        ['Reviewed', [a.reviewer, a.reviewedOn].filter(Boolean).join(', ')],
        ['Risks raised', a.risks.join(', ')],
      ]),
    ),
  );
}
