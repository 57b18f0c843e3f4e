import { describe, expect, it } from 'vitest';
import {
  bandFor,
  defaultCriteria,
  isAcceptable,
  rate,
  riskScore,
  validateCriteria,
  type RiskCriteriaRules,
} from '../../shared/rules/risk-levels';

const threeByThree: RiskCriteriaRules = {
  likelihoodLevels: 3,
  impactLevels: 3,
  likelihoodLabels: ['Low', 'Medium', 'High'],
  impactLabels: ['Minor', 'Moderate', 'Severe'],
  bands: [
    { name: 'low', minScore: 1 },
    { name: 'high', minScore: 4 },
  ],
  acceptanceThreshold: 3,
};

const paths = (c: RiskCriteriaRules) => validateCriteria(c).map((p) => p.path);

describe('risk levels', () => {
  it('accepts the default 5×5 criteria and a 3×3 matrix', () => {
    expect(validateCriteria(defaultCriteria)).toEqual([]);
    expect(validateCriteria(threeByThree)).toEqual([]);
    expect(defaultCriteria.bands.map((b) => b.name)).toEqual(['low', 'medium', 'high', 'critical']);
  });

  it('scores likelihood × impact and bands every cell of the 5×5 matrix', () => {
    expect(riskScore(4, 5)).toBe(20);
    const bands: Record<number, string> = {};
    for (let l = 1; l <= 5; l += 1)
      for (let i = 1; i <= 5; i += 1) bands[l * i] = rate(defaultCriteria, l, i).band;
    expect(bands[1]).toBe('low');
    expect(bands[4]).toBe('low');
    expect(bands[5]).toBe('medium');
    expect(bands[9]).toBe('medium');
    expect(bands[10]).toBe('high');
    expect(bands[16]).toBe('high');
    expect(bands[20]).toBe('critical');
    expect(bands[25]).toBe('critical');
  });

  it('finds the band at each boundary and above the top', () => {
    const bands = defaultCriteria.bands;
    expect([4, 5, 9, 10, 16, 17, 25].map((s) => bandFor(bands, s))).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('judges acceptability against the threshold, inclusive', () => {
    expect(isAcceptable(defaultCriteria, 4)).toBe(true);
    expect(isAcceptable(defaultCriteria, 5)).toBe(false);
    expect(rate(threeByThree, 1, 3).acceptable).toBe(true);
    expect(rate(threeByThree, 2, 2).acceptable).toBe(false);
  });

  it('refuses levels outside the matrix', () => {
    expect(() => rate(threeByThree, 4, 1)).toThrow('likelihood must be 1–3');
    expect(() => rate(defaultCriteria, 1, 0)).toThrow('impact must be 1–5');
    expect(() => rate(defaultCriteria, 2.5, 1)).toThrow();
  });

  it('refuses matrices smaller than 3×3 or larger than 5×5 and wrong label counts', () => {
    expect(paths({ ...threeByThree, likelihoodLevels: 2 })).toContain('likelihoodLevels');
    expect(paths({ ...threeByThree, impactLevels: 6 })).toContain('impactLevels');
    expect(paths({ ...threeByThree, likelihoodLabels: ['a', 'b'] })).toContain('likelihoodLabels');
    expect(paths({ ...threeByThree, impactLabels: ['a', ' ', 'c'] })).toContain('impactLabels.1');
    expect(paths({ ...threeByThree, impactLabels: ['a', 'a', 'c'] })).toContain('impactLabels');
  });

  it('refuses bands that do not start at 1, are out of order, duplicate or exceed the matrix', () => {
    const withBands = (bands: RiskCriteriaRules['bands']) => paths({ ...threeByThree, bands });
    expect(
      withBands([
        { name: 'low', minScore: 2 },
        { name: 'high', minScore: 4 },
      ]),
    ).toContain('bands.0.minScore');
    expect(
      withBands([
        { name: 'low', minScore: 1 },
        { name: 'high', minScore: 1 },
      ]),
    ).toContain('bands.1.minScore');
    expect(
      withBands([
        { name: 'low', minScore: 1 },
        { name: 'Low', minScore: 4 },
      ]),
    ).toContain('bands.1.name');
    expect(
      withBands([
        { name: 'low', minScore: 1 },
        { name: 'high', minScore: 10 },
      ]),
    ).toContain('bands.1.minScore');
    expect(withBands([{ name: 'only', minScore: 1 }])).toContain('bands');
  });

  it('refuses an acceptance threshold outside 1..L×I', () => {
    expect(paths({ ...threeByThree, acceptanceThreshold: 0 })).toContain('acceptanceThreshold');
    expect(paths({ ...threeByThree, acceptanceThreshold: 10 })).toContain('acceptanceThreshold');
    expect(paths({ ...threeByThree, acceptanceThreshold: 9 })).toEqual([]);
  });
});
