import { describe, expect, it } from 'vitest';
import { computeReadiness, type ReadinessInput } from '../../shared/rules/readiness';
import {
  documentItems,
  documentRecordProblems,
  documentRequired,
  documentStatus,
} from '../../shared/rules/documented-information';
import { areaOf, compareRefs, inScope } from '../../shared/rules/scope';
import type { Result } from '../../shared/domain/assessment';

const clauses = ['4.1', '4.2', '5.1', '6.1.2'];
const controls = ['A.2.2', 'A.6.2.4', 'A.10.3'];
const all = [...clauses, ...controls].map((ref) => ({ ref }));

/** A small assessment whose SoA, documents, internal audit and management review are in place. */
function input(
  responses: Record<string, Result>,
  extra: Partial<ReadinessInput> = {},
): ReadinessInput {
  return {
    requirements: all,
    excludedAreas: [],
    responses,
    findings: [],
    soa: controls.map((ref) => ({ ref, applicable: true, justification: 'Treats our AI risks.' })),
    documents: documentItems.map((d) => ({
      key: d.key,
      exists: true,
      approved: true,
      current: true,
      reviewDate: null,
    })),
    cycle: [
      {
        kind: 'internal-audit',
        source: 'cycle',
        label: 'IA 1',
        completed: true,
        completedOn: null,
      },
      {
        kind: 'management-review',
        source: 'cycle',
        label: 'MR 1',
        completed: true,
        completedOn: null,
      },
    ],
    overlaps: [],
    asOf: '2026-10-05',
    ...extra,
  };
}
const excluding = (ref: string) =>
  controls.map((c) => ({ ref: c, applicable: c !== ref, justification: 'Decided with reasons.' }));
const everything = (result: Result) => Object.fromEntries(all.map((r) => [r.ref, result]));

describe('readiness scoring', () => {
  it('scores conformant 1, partial 0.5, nonconformant 0 and weighs clauses 60 %, controls 40 %', () => {
    const r = computeReadiness(
      input({
        ...everything('conformant'),
        '4.1': 'partially-conformant',
        '4.2': 'nonconformant',
        'A.2.2': 'partially-conformant',
      }),
    );
    expect(r.clauses.score).toBeCloseTo((0.5 + 0 + 1 + 1) / 4);
    expect(r.controls.score).toBeCloseTo((0.5 + 1 + 1) / 3);
    expect(r.overall.score).toBeCloseTo(0.6 * 0.625 + 0.4 * (2.5 / 3));
  });

  it('counts not assessed as zero and reports the verdict incomplete', () => {
    const r = computeReadiness(input({ ...everything('conformant'), 'A.10.3': 'not-assessed' }));
    expect(r.controls.score).toBeCloseTo(2 / 3);
    expect(r.verdict).toBe('incomplete');
    expect(r.overall.coverage).toBeCloseTo(6 / 7);
  });

  it('leaves not applicable and SoA exclusions out of the denominator', () => {
    const r = computeReadiness(
      input(
        { ...everything('conformant'), 'A.10.3': 'not-applicable', 'A.6.2.4': 'nonconformant' },
        { soa: excluding('A.6.2.4') },
      ),
    );
    expect(r.controls.applicable).toBe(1);
    expect(r.controls.score).toBe(1);
    expect(r.verdict).toBe('ready');
  });

  it('is not ready with an open major nonconformity against clauses 4–10, whatever the score', () => {
    const r = computeReadiness(
      input(everything('conformant'), {
        findings: [{ ref: '5.1', grade: 'major', status: 'in-progress' }],
      }),
    );
    expect(r.overall.score).toBe(1);
    expect(r.verdict).toBe('not-ready');
    expect(r.reasons[0]).toContain('5.1');
  });

  it('does not block the verdict on a closed major; an open major against a control blocks it too (issue 12)', () => {
    const closed = computeReadiness(
      input(everything('conformant'), {
        findings: [{ ref: '5.1', grade: 'major', status: 'closed' }],
      }),
    );
    expect(closed.verdict).toBe('ready');
    const annex = computeReadiness(
      input(everything('conformant'), {
        findings: [{ ref: 'A.2.2', grade: 'major', status: 'open' }],
      }),
    );
    expect(annex.verdict).toBe('not-ready');
    expect(annex.stages.map((x) => x.verdict)).toEqual(['ready', 'not-ready']);
  });

  it('is not ready with every answer partial, and nearly ready when nothing blocks but the score is below 85 %', () => {
    expect(computeReadiness(input(everything('partially-conformant'))).verdict).toBe('not-ready');
    const mixed = computeReadiness(
      input({
        ...everything('conformant'),
        'A.2.2': 'partially-conformant',
        'A.6.2.4': 'partially-conformant',
        'A.10.3': 'partially-conformant',
      }),
    );
    expect(mixed.overall.score).toBeGreaterThanOrEqual(0.6);
    expect(mixed.overall.score).toBeLessThan(0.85);
    expect(mixed.verdict).toBe('nearly-ready');
    expect(mixed.stages.map((x) => x.verdict)).toEqual(['ready', 'nearly-ready']);
  });

  it('is not ready with a clause marked not applicable, and says why', () => {
    const r = computeReadiness(input({ ...everything('conformant'), '4.2': 'not-applicable' }));
    expect(r.verdict).toBe('not-ready');
    expect(r.reasons.join(' ')).toContain('mandatory');
  });

  it('scores each clause and Annex A area and counts findings by grade', () => {
    const r = computeReadiness(
      input(everything('conformant'), {
        findings: [
          { ref: '4.1', grade: 'minor', status: 'open' },
          { ref: '4.2', grade: 'minor', status: 'closed' },
          { ref: 'A.2.2', grade: 'observation', status: 'open' },
        ],
        areaTitles: { '4': 'Context of the organization' },
      }),
    );
    expect(r.sections.map((s) => s.area)).toEqual(['4', '5', '6', 'A.2', 'A.6', 'A.10']);
    expect(r.sections[0]?.title).toBe('Context of the organization');
    expect(r.findings.minor).toEqual({ open: 1, closed: 1 });
    expect(r.findings.observation).toEqual({ open: 1, closed: 0 });
  });

  it('has no score and is not ready when nothing applicable exists', () => {
    const r = computeReadiness(input({}, { requirements: [], soa: [] }));
    expect(r.overall.score).toBeNull();
    expect(r.verdict).toBe('not-ready');
  });
});

describe('mandatory documented information', () => {
  const record = {
    key: 'ai-policy',
    exists: true,
    approved: true,
    current: true,
    reviewDate: null,
  };

  it('is in place only when it exists, is approved, is current and its review is not overdue', () => {
    expect(documentStatus(record, true, '2026-10-05')).toBe('in-place');
    expect(documentStatus({ ...record, reviewDate: '2026-10-05' }, true, '2026-10-05')).toBe(
      'in-place',
    );
    expect(documentStatus({ ...record, reviewDate: '2026-10-04' }, true, '2026-10-05')).toBe(
      'review-overdue',
    );
    expect(documentStatus({ ...record, current: false }, true, '2026-10-05')).toBe('not-current');
    expect(documentStatus({ ...record, approved: false }, true, '2026-10-05')).toBe('not-approved');
    expect(documentStatus({ ...record, exists: false }, true, '2026-10-05')).toBe('missing');
    expect(documentStatus(undefined, true, '2026-10-05')).toBe('not-recorded');
    expect(documentStatus(undefined, false, '2026-10-05')).toBe('not-required');
  });

  it('requires clause items always and control items unless the SoA excludes the control', () => {
    const policy = documentItems.find((d) => d.key === 'ai-policy');
    const deployment = documentItems.find((d) => d.key === 'deployment-plan');
    if (!policy || !deployment) throw new Error('items missing');
    expect(documentRequired(policy, new Set(['A.2.2']))).toBe(true);
    expect(documentRequired(deployment, new Set())).toBe(true);
    expect(documentRequired(deployment, new Set(['A.6.2.5']))).toBe(false);
  });

  it('refuses approval or currency for an item that does not exist', () => {
    expect(documentRecordProblems({ exists: true, approved: true, current: true })).toEqual([]);
    expect(
      documentRecordProblems({ exists: false, approved: true, current: true }).map((p) => p.field),
    ).toEqual(['approved', 'current']);
  });

  it('lists each item once, with a stable key, a requirement and a stage', () => {
    const keys = documentItems.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of documentItems) expect([1, 2]).toContain(d.stage);
  });
});

describe('scope areas', () => {
  it('maps a requirement to its clause or Annex A area', () => {
    expect(areaOf('6.1.2')).toBe('6');
    expect(areaOf('10.2')).toBe('10');
    expect(areaOf('A.6.2.4')).toBe('A.6');
    expect(areaOf('A.10.3')).toBe('A.10');
  });

  it('leaves excluded areas out of scope', () => {
    expect(inScope('A.10.3', ['A.10'])).toBe(false);
    expect(inScope('A.1.0', ['A.10'])).toBe(true);
    expect(inScope('10.1', ['A.10'])).toBe(true);
  });

  it('orders refs as the standard does', () => {
    expect(['A.10.2', '10.1', 'A.2.2', '4.10', '4.2', '6.1.2'].sort(compareRefs)).toEqual([
      '4.2',
      '4.10',
      '6.1.2',
      '10.1',
      'A.2.2',
      'A.10.2',
    ]);
  });
});
