import { createElement as h, Fragment } from 'react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupWithin, textLength } from '../../electron/core/reports/report-pdf';

describe('how the report is split into parts', () => {
  it('keeps sections in order, each part within the budget unless one section alone is larger', () => {
    expect(groupWithin([10, 20, 30, 5], 35)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(groupWithin([50, 10, 10], 35)).toEqual([[0], [1, 2]]);
    expect(groupWithin([10, 50, 10], 35)).toEqual([[0], [1], [2]]);
    expect(groupWithin([], 35)).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.nat(100)), fc.integer({ min: 1, max: 150 }), (weights, budget) => {
        const groups = groupWithin(weights, budget);
        expect(groups.flat()).toEqual(weights.map((_, i) => i));
        for (const group of groups) {
          expect(group.length).toBeGreaterThan(0);
          const held = group.reduce((sum, i) => sum + (weights[i] ?? 0), 0);
          if (group.length > 1) expect(held).toBeLessThanOrEqual(budget);
        }
        // Greedy: no part could have taken the next part's first section within the budget.
        groups.slice(1).forEach((group, k) => {
          const before = groups[k] ?? [];
          const held = before.reduce((sum, i) => sum + (weights[i] ?? 0), 0);
          expect(held + (weights[group[0] ?? 0] ?? 0)).toBeGreaterThan(budget);
        });
      }),
    );
  });

  it('weighs a section by the characters of text its elements hold', () => {
    const tree = h(
      'VIEW',
      null,
      h('TEXT', null, 'Findings'),
      h(Fragment, null, ['abc', 42, null, false, h('TEXT', null, h('TEXT', null, 'de'))]),
      undefined,
    );
    expect(textLength(tree)).toBe('Findings'.length + 3 + 2 + 2);
    expect(textLength(null)).toBe(0);
  });
});
