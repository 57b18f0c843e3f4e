import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { results, type Result } from '../../shared/domain/assessment';
import { startTestCore } from '../helpers/core';
import { lastYear, req } from '../helpers/cycle';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

const count = (sql: string, ...args: unknown[]) =>
  (core.store.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('start the next assessment', () => {
  it('carries scope, scoping answers and SoA decisions to confirm, copies no answer, keeps open findings open under their own refs', async () => {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const findingsBefore = count('SELECT count(*) AS n FROM findings');
    const next = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });

    expect(next).toMatchObject({
      engagementId: before.engagementId,
      status: 'planned',
      excludedAreas: ['A.10'],
      scoping: { 'ai-in-bought-software': true, 'ai-roles': ['provider', 'deployer'] },
      progress: { assessed: 0 },
    });
    // Never an answer copied in as the current one.
    expect(await ok('responses.list', { assessmentId: next.id })).toEqual([]);
    expect(count('SELECT count(*) AS n FROM responses WHERE assessment_id = ?', next.id)).toBe(0);
    // The SoA decisions are recorded in the new assessment, each waiting to be confirmed.
    const soa = await ok('soa.list', { assessmentId: next.id });
    expect(soa.find((r) => r.ref === 'A.2.2')?.entry).toMatchObject({ applicable: false });
    expect(soa.find((r) => r.ref === 'A.6.2.4')?.entry).toMatchObject({
      applicable: true,
      implementationStatus: 'partially-implemented',
    });
    const view = await ok('cycle.get', { assessmentId: next.id });
    expect(view.previous).toMatchObject({ id: before.assessment.id, status: 'final' });
    expect(view.previous?.finalisedAt).not.toBeNull();
    expect(view.carried.map((c) => [c.kind, c.state])).toEqual([
      ['scope', 'pending'],
      ['scoping', 'pending'],
      ['scoping', 'pending'],
      ['soa', 'pending'],
      ['soa', 'pending'],
    ]);
    expect(view.pending).toBe(5);
    expect(view.carried[0]?.carried).toBe('Left out: A.10');
    expect(view.carried.find((c) => c.key === 'ai-roles')?.carried).toBe('Provider, Deployer');
    // Open findings stay open: listed in the new cycle, never duplicated with new refs.
    expect(count('SELECT count(*) AS n FROM findings')).toBe(findingsBefore);
    expect(await ok('findings.list', { assessmentId: next.id })).toEqual([]);
    expect(view.carriedFindings.map((f) => [f.ref, f.status, f.fromTitle])).toEqual([
      ['F-001', 'open', 'Gap assessment 2025'],
      ['F-002', 'in-progress', 'Gap assessment 2025'],
      ['F-003', 'open', 'Gap assessment 2025'],
    ]);
    const last = await ok('cycle.get', { assessmentId: before.assessment.id });
    expect(last.next.map((n) => n.id)).toEqual([next.id]);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'assessment.startNext'")).toBe(
      1,
    );
  });

  it('shows last time beside the empty answer, and a new answer never changes last year', async () => {
    const { ok } = caller(core);
    const before = await lastYear(core);
    const next = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    const shown = await ok('cycle.lastTime', {
      assessmentId: next.id,
      requirementId: req('6.1.2'),
    });
    expect(shown.previous?.title).toBe('Gap assessment 2025');
    expect(shown.response).toMatchObject({
      result: 'nonconformant',
      notes: 'Last year on 6.1.2: what we saw.',
      interviewees: ['Priya Raman'],
    });
    expect(shown.findings.map((f) => [f.ref, f.grade, f.status])).toEqual([
      ['F-001', 'major', 'open'],
    ]);
    await ok('responses.save', {
      assessmentId: next.id,
      requirementId: req('6.1.2'),
      result: 'conformant',
      notes: 'This year the method is approved.',
    });
    const after = await ok('cycle.lastTime', {
      assessmentId: next.id,
      requirementId: req('6.1.2'),
    });
    expect(after.response).toEqual(shown.response);
    const lastYearAnswer = (
      await ok('responses.list', { assessmentId: before.assessment.id })
    ).find((r) => r.requirementId === req('6.1.2'));
    expect(lastYearAnswer).toMatchObject({ result: 'nonconformant' });
    // A requirement last year did not answer has nothing to show, and says so by null.
    const fresh = await ok('cycle.lastTime', {
      assessmentId: next.id,
      requirementId: req('7.2'),
    });
    expect(fresh.response).toBeNull();
    expect(fresh.findings).toEqual([]);
  });

  it('refuses an assessment that is not final, and a second start from the same one', async () => {
    const { ok, fail } = caller(core);
    const before = await lastYear(core);
    await ok('assessments.reopen', { id: before.assessment.id, reason: 'A late document' });
    const notFinal = await fail('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Too early',
    });
    expect(notFinal.code).toBe('VALIDATION');
    expect(notFinal.message).toMatch(/is not final/);
    await ok('assessments.setStatus', { id: before.assessment.id, status: 'final' });
    await ok('cycle.startNext', { assessmentId: before.assessment.id, title: 'Gap 2026' });
    const twice = await fail('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap 2026 again',
    });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already started .*“Gap 2026”/);
    expect(count('SELECT count(*) AS n FROM assessments')).toBe(2);
  });

  it('confirms carried decisions one by one or all at once; a changed decision shows as changed', async () => {
    const { ok, fail } = caller(core);
    const before = await lastYear(core);
    const next = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    const one = await ok('cycle.confirm', {
      assessmentId: next.id,
      items: [{ kind: 'soa', key: req('A.2.2') }],
    });
    const a22 = one.carried.find((c) => c.key === req('A.2.2'));
    expect(a22).toMatchObject({ state: 'confirmed', confirmedBy: 'tester' });
    expect(one.pending).toBe(4);

    await ok('soa.save', {
      assessmentId: next.id,
      requirementId: req('A.6.2.4'),
      applicable: true,
      justification: 'Models are verified before release.',
      implementationStatus: 'implemented',
    });
    await ok('assessments.update', {
      id: next.id,
      title: 'Gap assessment 2026',
      excludedAreas: [],
    });
    const changed = await ok('cycle.get', { assessmentId: next.id });
    expect(changed.carried.find((c) => c.key === req('A.6.2.4'))?.state).toBe('changed');
    expect(changed.carried.find((c) => c.kind === 'scope')?.state).toBe('changed');
    expect(changed.pending).toBe(2);

    const unknown = await fail('cycle.confirm', {
      assessmentId: next.id,
      items: [{ kind: 'soa', key: req('A.5.2') }],
    });
    expect(unknown.code).toBe('VALIDATION');
    const all = await ok('cycle.confirm', { assessmentId: next.id, all: true });
    expect(all.pending).toBe(0);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'carried.confirm'")).toBe(3);

    await ok('assessments.setStatus', { id: next.id, status: 'final' });
    const readOnly = await fail('cycle.confirm', { assessmentId: next.id, all: true });
    expect(readOnly.code).toBe('READ_ONLY');
  });

  it('property: whatever last year answered, the next assessment starts with no answer and last year is untouched', async () => {
    const { ok } = caller(core);
    const refs = ['4.1', '4.2', '5.2', '6.1.2', '7.2', 'A.2.2', 'A.6.2.4', 'A.7.4'];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...refs), fc.constantFrom<Result>(...results), {
          minKeys: 1,
        }),
        async (answers) => {
          const before = await lastYear(core, answers);
          const lastYearRows = core.store.sqlite
            .prepare('SELECT * FROM responses WHERE assessment_id = ? ORDER BY requirement_id')
            .all(before.assessment.id);
          const next = await ok('cycle.startNext', {
            assessmentId: before.assessment.id,
            title: 'Next',
          });
          expect(await ok('responses.list', { assessmentId: next.id })).toEqual([]);
          for (const ref of Object.keys(answers)) {
            const shown = await ok('cycle.lastTime', {
              assessmentId: next.id,
              requirementId: req(ref),
            });
            expect(shown.response?.result).toBe(answers[ref]);
          }
          expect(
            core.store.sqlite
              .prepare('SELECT * FROM responses WHERE assessment_id = ? ORDER BY requirement_id')
              .all(before.assessment.id),
          ).toEqual(lastYearRows);
        },
      ),
      { numRuns: 12 },
    );
  });
});
