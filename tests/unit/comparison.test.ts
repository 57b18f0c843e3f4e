import { describe, expect, it } from 'vitest';
import {
  countChanges,
  findingsBetween,
  resultChange,
  riskChange,
  soaChange,
} from '../../shared/rules/comparison';

describe('comparing two cycles', () => {
  it('calls a result improved or worsened only when both cycles judged it', () => {
    expect(resultChange('nonconformant', 'conformant').change).toBe('improved');
    expect(resultChange('partially-conformant', 'conformant').change).toBe('improved');
    expect(resultChange('conformant', 'partially-conformant').change).toBe('worsened');
    expect(resultChange('partially-conformant', 'nonconformant').change).toBe('worsened');
    expect(resultChange('conformant', 'conformant').change).toBe('unchanged');
    expect(resultChange('not-applicable', 'not-applicable').change).toBe('unchanged');
  });

  it('never reads a requirement not reached yet, or out of scope, as worsened', () => {
    expect(resultChange('conformant', 'not-assessed')).toEqual({
      change: 'not-compared',
      note: 'not assessed yet',
    });
    expect(resultChange('conformant', null)).toEqual({
      change: 'not-compared',
      note: 'left out of scope',
    });
    expect(resultChange('conformant', 'not-applicable')).toEqual({
      change: 'not-compared',
      note: 'not applicable now',
    });
  });

  it('calls a result new when last cycle had none to compare with', () => {
    expect(resultChange(null, 'conformant')).toEqual({ change: 'new', note: 'newly in scope' });
    expect(resultChange('not-assessed', 'nonconformant')).toEqual({
      change: 'new',
      note: 'not assessed last time',
    });
    expect(resultChange('not-applicable', 'partially-conformant')).toEqual({
      change: 'new',
      note: 'applies now',
    });
    expect(resultChange(null, 'not-applicable').change).toBe('new');
  });

  it('counts every kind, zero included', () => {
    expect(
      countChanges([{ change: 'improved' }, { change: 'improved' }, { change: 'new' }]),
    ).toEqual({ improved: 2, worsened: 0, unchanged: 0, new: 1, 'not-compared': 0 });
  });

  it('places findings between two moments: raised, closed, and open at both', () => {
    const f = (id: string, createdAt: string, closedAt: string | null) => ({
      id,
      createdAt,
      closedAt,
    });
    const all = [
      f('closed-before', '2025-01-01', '2025-05-01'),
      f('open-throughout', '2025-02-01', null),
      f('fixed-since', '2025-03-01', '2026-02-01'),
      f('raised-since', '2026-01-15', null),
      f('raised-and-fixed', '2026-01-20', '2026-03-01'),
      f('after-the-window', '2026-09-01', null),
    ];
    const got = findingsBetween(all, '2025-12-01', '2026-06-30');
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    expect(ids(got.opened)).toEqual(['raised-since', 'raised-and-fixed']);
    expect(ids(got.closed)).toEqual(['fixed-since', 'raised-and-fixed']);
    expect(ids(got.stillOpen)).toEqual(['open-throughout']);
  });

  it('names the most telling SoA change', () => {
    const d = (
      applicable: boolean,
      implementationStatus = 'implemented' as const,
      justification = 'Why',
    ) => ({
      applicable,
      implementationStatus,
      justification,
    });
    expect(soaChange(null, d(true))).toBe('decided');
    expect(soaChange(d(true), null)).toBe('undecided');
    expect(soaChange(d(true), d(false))).toBe('excluded');
    expect(soaChange(d(false), d(true))).toBe('included');
    expect(soaChange(d(true), { ...d(true), implementationStatus: 'planned' })).toBe(
      'implementation',
    );
    expect(soaChange(d(true), d(true, 'implemented', 'Another why'))).toBe('justification');
    expect(soaChange(d(true), d(true, 'implemented', ' Why '))).toBeNull();
  });

  it('compares risk levels by score', () => {
    expect(riskChange({ score: 4, band: 'low' }, { score: 12, band: 'high' })).toBe('raised');
    expect(riskChange({ score: 12, band: 'high' }, { score: 6, band: 'medium' })).toBe('lowered');
    expect(riskChange(null, { score: 6, band: 'medium' })).toBe('added');
    expect(riskChange({ score: 6, band: 'medium' }, null)).toBe('removed');
    expect(riskChange({ score: 6, band: 'medium' }, { score: 6, band: 'medium' })).toBeNull();
  });
});
