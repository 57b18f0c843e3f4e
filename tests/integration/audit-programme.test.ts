import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { caller, control, newEngagement, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

async function programme() {
  const { ok } = caller(core);
  const engagementId = await newEngagement(core);
  const assessment = await ok('assessments.create', { engagementId, title: 'Gap assessment' });
  // A.2.2 excluded in the SoA: the programme need not audit it.
  await ok('soa.save', {
    assessmentId: assessment.id,
    requirementId: control('A.2.2'),
    applicable: false,
    justification: 'Group policy outside the AIMS.',
    implementationStatus: 'not-applicable',
  });
  const p = await ok('audits.saveProgramme', {
    engagementId,
    title: 'Internal audit programme 2025–2027',
    periodStart: '2025-01-01',
    periodEnd: '2027-12-31',
  });
  return { engagementId, programmeId: p.id };
}

describe('the internal audit programme', () => {
  it('maps coverage over its audits: audited when, planned, not yet covered, excluded controls no gap', async () => {
    const { ok } = caller(core);
    const { programmeId } = await programme();
    await ok('audits.save', {
      programmeId,
      title: 'Leadership and planning',
      status: 'completed',
      heldFrom: '2025-11-03',
      heldTo: '2025-11-04',
      requirementIds: ['5.1', '5.2', '6.1.2'].map(control),
      auditors: [{ name: 'Samuel Osei', owns: [] }],
      auditees: ['Priya Raman'],
    });
    await ok('audits.save', {
      programmeId,
      title: 'Operation',
      status: 'planned',
      plannedOn: '2026-05-12',
      requirementIds: ['8.1', '6.1.2'].map(control),
    });
    await ok('audits.save', {
      programmeId,
      title: 'Called off',
      status: 'cancelled',
      requirementIds: [control('7.2')],
    });
    const coverage = await ok('audits.coverage', { programmeId });
    const row = (ref: string) => coverage.rows.find((r) => r.ref === ref);
    expect(row('5.2')).toMatchObject({
      state: 'audited',
      audited: [{ title: 'Leadership and planning', on: '2025-11-03' }],
    });
    expect(row('6.1.2')).toMatchObject({ state: 'audited', planned: [{ title: 'Operation' }] });
    expect(row('8.1')).toMatchObject({ state: 'planned', audited: [] });
    expect(row('7.2')).toMatchObject({ state: 'not-covered' });
    expect(row('A.2.2')).toMatchObject({ applicable: false, state: 'not-covered' });
    expect(coverage.summary).toEqual({ audited: 3, planned: 1, 'not-covered': 70 - 4 - 1 });
  });

  it('flags an auditor who owns an audited area, and keeps held audits on record', async () => {
    const { ok, fail } = caller(core);
    const { programmeId } = await programme();
    const held = await ok('audits.save', {
      programmeId,
      title: 'Data for AI systems',
      status: 'completed',
      heldFrom: '2026-02-10',
      requirementIds: ['A.7.2', 'A.7.5', '9.1'].map(control),
      auditors: [
        { name: 'Tom Whitfield', owns: ['A.7'] },
        { name: 'Samuel Osei', owns: ['9.2'] },
      ],
      auditees: ['Lucía Fernández'],
    });
    expect(held.refs).toEqual(['9.1', 'A.7.2', 'A.7.5']);
    expect(held.independence).toEqual([{ auditor: 'Tom Whitfield', refs: ['A.7.2', 'A.7.5'] }]);
    expect((await fail('audits.delete', { id: held.id })).code).toBe('CONFLICT');
    const planned = await ok('audits.save', { programmeId, title: 'Maybe later' });
    await ok('audits.delete', { id: planned.id });
    expect((await ok('audits.list', { programmeId })).map((a) => a.title)).toEqual([
      'Data for AI systems',
    ]);
  });

  it('refuses a completed audit without its dates or requirements, and unknown requirements', async () => {
    const { fail } = caller(core);
    const { programmeId } = await programme();
    const undated = await fail('audits.save', {
      programmeId,
      title: 'x',
      status: 'completed',
      requirementIds: [control('5.2')],
    });
    expect(undated.details?.issues?.[0]?.path).toBe('heldFrom');
    const empty = await fail('audits.save', {
      programmeId,
      title: 'x',
      status: 'completed',
      heldFrom: '2026-01-01',
    });
    expect(empty.details?.issues?.[0]?.path).toBe('requirementIds');
    const unknown = await fail('audits.save', {
      programmeId,
      title: 'x',
      requirementIds: ['iso-iec-42001-2023:99.9'],
    });
    expect(unknown.details?.issues?.[0]?.path).toBe('requirementIds.0');
    const backwards = await fail('audits.saveProgramme', {
      engagementId: (await caller(core).ok('engagements.list', {}))[0]?.id ?? '',
      title: 'p',
      periodStart: '2027-01-01',
      periodEnd: '2025-01-01',
    });
    expect(backwards.code).toBe('VALIDATION');
  });
});
