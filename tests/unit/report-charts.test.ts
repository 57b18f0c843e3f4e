import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatMapChart } from '../../electron/core/reports/charts/heat-map';
import { rasterise } from '../../electron/core/reports/charts/rasterise';
import { scoreBars } from '../../electron/core/reports/charts/score-bars';
import { esc } from '../../electron/core/reports/charts/svg';
import type { Column } from '../../electron/core/reports/content/columns';
import { columnWidths, TEXT_WIDTH } from '../../electron/core/reports/docx/kit';
import type { RiskSummary } from '../../electron/core/reports/types';

const fontsDir = path.join(__dirname, '..', '..', 'resources', 'fonts');
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function summary(labels: string[]): RiskSummary {
  const n = labels.length;
  return {
    total: 3,
    criteria: {
      likelihoodLabels: labels,
      impactLabels: labels,
      bands: [
        { name: 'Low <b>', minScore: 1 },
        { name: 'High & "x"', minScore: 10 },
      ],
      acceptanceThreshold: 4,
      version: 1,
    },
    staleCount: 0,
    byBand: [],
    byStatus: [],
    inherent: {
      counts: Array.from({ length: n }, (_, l) => Array.from({ length: n }, (_, i) => l + i)),
      bands: Array.from({ length: n }, (_, l) =>
        Array.from({ length: n }, (_, i) => ((l + 1) * (i + 1) >= 10 ? 'High & "x"' : 'Low <b>')),
      ),
    },
    residual: { counts: [], bands: [] },
    listed: [],
    listedAll: true,
  };
}

describe('report charts', () => {
  it('escapes every markup character of catalog or user text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(esc(text)).not.toMatch(/[<>"']|&(?!#\d+;)/);
      }),
    );
  });

  it('rasterises a heat map whose labels hold markup, at three times its size in points', () => {
    const risks = summary(['<svg onload=x>', 'A & B', '"q"']);
    const chart = heatMapChart('Inherent <risk>', risks.inherent, risks);
    expect(chart.svg).not.toContain('<svg onload');
    const png = rasterise(chart, fontsDir);
    expect(pngSize(png)).toEqual({ width: chart.width * 3, height: chart.height * 3 });
    expect(chart.description).toContain('likelihood 3 × impact 3: 4');
  });

  it('draws one bar per score, with the scores in the description', () => {
    const chart = scoreBars(
      [
        { label: '4 Context', score: 0.5 },
        { label: '5 Leadership', score: null },
      ],
      'Score by clause',
    );
    expect(chart.description).toBe('Score by clause: 4 Context 50 %; 5 Leadership —');
    expect(pngSize(rasterise(chart, fontsDir)).height).toBe(chart.height * 3);
  });
});

describe('Word table widths', () => {
  it('fill the text width without going past it, whatever the columns', () => {
    const column = fc.record({
      title: fc.string(),
      width: fc.oneof(fc.constant('*' as const), fc.integer({ min: 10, max: 400 })),
    });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 8 }), (cols) => {
        const widths = columnWidths(cols.map((c): Column<unknown> => ({ ...c, cell: () => '' })));
        const total = widths.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(TEXT_WIDTH);
        expect(total).toBeGreaterThan(TEXT_WIDTH - cols.length);
        for (const w of widths) expect(w).toBeGreaterThan(0);
      }),
    );
  });
});
