import { describe, expect, it } from 'vitest';
import {
  coverageMap,
  coverageSummary,
  independenceIssues,
  withinArea,
  type CoverageRequirement,
  type ProgrammeAudit,
} from '../../shared/rules/audit-programme';

const req = (ref: string, applicable = true): CoverageRequirement => ({
  ref,
  title: `Requirement ${ref}`,
  annex: ref.startsWith('A.'),
  applicable,
});

describe('the internal audit programme', () => {
  it('places a ref inside an owned area by whole segments only', () => {
    expect(withinArea('A.6.2.4', 'A.6')).toBe(true);
    expect(withinArea('A.6.2.4', 'A.6.2.4')).toBe(true);
    expect(withinArea('A.6.2.4', 'A.6.2')).toBe(true);
    expect(withinArea('A.60.1', 'A.6')).toBe(false);
    expect(withinArea('8.1', '8')).toBe(true);
    expect(withinArea('8.1', '')).toBe(false);
  });

  it('flags an auditor who would audit an area they own, with the refs concerned', () => {
    const issues = independenceIssues(
      [
        { name: 'Samuel Osei', owns: [] },
        { name: 'Tom Whitfield', owns: ['A.6', '8.2'] },
      ],
      ['6.1.2', 'A.6.2.4', 'A.6.2.5', '8.2', '9.2.1'],
    );
    expect(issues).toEqual([{ auditor: 'Tom Whitfield', refs: ['A.6.2.4', 'A.6.2.5', '8.2'] }]);
  });

  it('maps coverage: audited by completed audits, planned by the others, gaps, cancelled counts for nothing', () => {
    const audits: ProgrammeAudit[] = [
      {
        id: 'b',
        title: 'Operations 2026',
        status: 'completed',
        on: '2026-05-10',
        refs: ['8.1', 'A.6.2.4'],
      },
      {
        id: 'a',
        title: 'Leadership 2025',
        status: 'completed',
        on: '2025-11-02',
        refs: ['5.2', '8.1'],
      },
      { id: 'c', title: 'Risk 2027', status: 'planned', on: '2027-03-01', refs: ['6.1.2', '8.1'] },
      { id: 'd', title: 'Cancelled one', status: 'cancelled', on: '2026-01-01', refs: ['7.2'] },
    ];
    const rows = coverageMap(
      [req('5.2'), req('6.1.2'), req('7.2'), req('8.1'), req('A.6.2.4'), req('A.2.2', false)],
      audits,
    );
    const view = Object.fromEntries(
      rows.map((r) => [r.ref, [r.state, r.audited.map((a) => a.id), r.planned.map((a) => a.id)]]),
    );
    expect(view).toEqual({
      '5.2': ['audited', ['a'], []],
      '6.1.2': ['planned', [], ['c']],
      '7.2': ['not-covered', [], []],
      '8.1': ['audited', ['a', 'b'], ['c']],
      'A.6.2.4': ['audited', ['b'], []],
      'A.2.2': ['not-covered', [], []],
    });
    // The excluded control is no gap: only applicable requirements are counted.
    expect(coverageSummary(rows)).toEqual({ audited: 3, planned: 1, 'not-covered': 1 });
  });
});
