import type { HeatMap, ReportData, RiskSummary } from '../types';
import {
  aiSystemFacts,
  bandColumns,
  bandLegend,
  heatMapAxes,
  heatMapTitles,
  impactFacts,
  impactTitle,
  noImpactAssessments,
  noRisks,
  noSystems,
  registerHeading,
  registerNote,
  riskColumns,
  riskIntro,
  statusLine,
} from '../content/risks';
import { bandColour, h, keyValues, readableOn, s, table, type Node, type Pdf } from './kit';
import { subHeading } from './chrome';

export function aiSystems(P: Pdf, d: ReportData): Node[] {
  if (d.aiSystems.length === 0) return [h(P.Text, { key: 'none', style: s.muted }, noSystems)];
  return d.aiSystems.map((x) =>
    h(
      P.View,
      { key: x.name, style: { marginBottom: 8 }, wrap: false },
      h(P.Text, { style: s.h3 }, x.name),
      keyValues(P, aiSystemFacts(x)),
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
        h(P.Text, { style: [s.small, { marginLeft: 62, marginTop: 2 }] }, heatMapAxes),
      ),
    ),
  );
}

export function riskRegister(P: Pdf, d: ReportData): Node[] {
  const r = d.risks;
  if (!r || r.total === 0) return [h(P.Text, { key: 'none', style: s.muted }, noRisks)];
  const labels = bandLegend(r);
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
      h(P.Text, { style: s.small }, labels[i]),
    ),
  );
  return [
    h(P.Text, { key: 'intro', style: s.p }, riskIntro(r)),
    h(
      P.View,
      { key: 'maps', style: [s.row, { marginBottom: 6 }] },
      heatMap(P, heatMapTitles.inherent, r.inherent, r),
      heatMap(P, heatMapTitles.residual, r.residual, r),
    ),
    h(P.View, { key: 'legend', style: [s.row, { marginBottom: 8, flexWrap: 'wrap' }] }, ...legend),
    table(P, bandColumns, r.byBand, (x) => x.band, true),
    h(P.Text, { key: 'status', style: [s.small, { marginBottom: 6 }] }, statusLine(r)),
    subHeading(P, registerHeading(r)),
    registerNote(r)
      ? h(P.Text, { key: 'more', style: [s.small, { marginBottom: 4 }] }, registerNote(r))
      : null,
    table(P, riskColumns, r.listed, (x) => x.ref),
  ];
}

export function impactAssessments(P: Pdf, d: ReportData): Node[] {
  if (d.impactAssessments.length === 0)
    return [h(P.Text, { key: 'none', style: s.muted }, noImpactAssessments)];
  return d.impactAssessments.map((a, i) =>
    h(
      P.View,
      { key: String(i), style: { marginBottom: 8 } },
      h(P.Text, { style: s.h3, minPresenceAhead: 40 }, impactTitle(a)),
      keyValues(P, impactFacts(a)),
    ),
  );
}
