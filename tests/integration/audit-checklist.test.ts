import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/evidence';
import { startTestCore, tempDir } from '../helpers/core';
import { caller, control, newEngagement, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

/** An engagement with an assessment in progress, a programme and one audit of three requirements. */
async function anAudit() {
  const { ok } = caller(core);
  const engagementId = await newEngagement(core);
  const assessment = await ok('assessments.create', { engagementId, title: 'Gap assessment 2026' });
  const programme = await ok('audits.saveProgramme', {
    engagementId,
    title: 'Programme 2026–2028',
    periodStart: '2026-01-01',
    periodEnd: '2028-12-31',
  });
  const audit = await ok('audits.save', {
    programmeId: programme.id,
    title: 'Leadership and planning',
    plannedOn: '2026-03-02',
    requirementIds: ['6.1.2', '5.2', '5.1'].map(control),
  });
  return { engagementId, assessmentId: assessment.id, programmeId: programme.id, audit };
}

describe('the internal audit checklist', () => {
  it('is drawn from the question bank for the audit’s requirements, in catalog order, all unanswered', async () => {
    const { ok } = caller(core);
    const { audit } = await anAudit();
    const checklist = await ok('audits.checklist', { auditId: audit.id });
    expect(checklist.lines.map((l) => l.ref)).toEqual(['5.1', '5.2', '6.1.2']);
    const stored = core.store.sqlite
      .prepare('SELECT count(*) AS n FROM interview_questions WHERE requirement_id = ?')
      .get(control('5.2')) as { n: number };
    expect(stored.n).toBeGreaterThan(0);
    expect(checklist.lines[1]?.questions).toHaveLength(stored.n);
    expect(checklist.lines.every((l) => l.answer === null)).toBe(true);
    expect(checklist.progress).toMatchObject({ total: 3, answered: 0 });
    expect(checklist.currentAssessment?.title).toBe('Gap assessment 2026');
  });

  it('records a nonconformity as a finding of the current assessment, tagged with the audit, and shows its action status', async () => {
    const { ok } = caller(core);
    const { engagementId, assessmentId, audit } = await anAudit();
    const file = path.join(tempDir(), 'ai-policy-v2.pdf');
    fs.writeFileSync(file, '%PDF-1.4 policy');
    const evidence = await importFile(core.ctx, file, { engagementId });

    const line = await ok('audits.answer', {
      auditId: audit.id,
      requirementId: control('5.2'),
      verdict: 'nonconformity',
      grade: 'minor',
      notes: 'The AI policy was not communicated to the data science team.',
      evidenceIds: [evidence.id],
    });
    expect(line.answer?.finding).toMatchObject({ ref: 'F-001', grade: 'minor', status: 'open' });
    expect(line.answer?.evidence.map((e) => e.id)).toEqual([evidence.id]);

    const [finding] = await ok('findings.list', { assessmentId });
    expect(finding).toMatchObject({
      ref: 'F-001',
      statement: 'The AI policy was not communicated to the data science team.',
      audit: { id: audit.id, title: 'Leadership and planning' },
    });
    expect(finding?.evidenceRef).toContain('Internal audit “Leadership and planning”');
    // The first answer starts a planned audit.
    const [started] = await ok('audits.list', { programmeId: audit.programmeId });
    expect(started?.status).toBe('in-progress');

    await ok('correctiveActions.save', {
      findingId: finding?.id ?? '',
      correction: 'Sent the policy to the team.',
      action: 'Add the policy to the induction.',
      owner: 'Priya Raman',
      dueDate: '2026-06-30',
    });
    await ok('audits.answer', {
      auditId: audit.id,
      requirementId: control('5.1'),
      verdict: 'conformity',
    });
    const checklist = await ok('audits.checklist', { auditId: audit.id });
    expect(checklist.progress).toMatchObject({
      total: 3,
      answered: 2,
      counts: { conformity: 1, nonconformity: 1, observation: 0, 'not-audited': 0 },
    });
    expect(checklist.findings).toEqual([
      expect.objectContaining({ ref: 'F-001', actionStatus: 'open', actionOwner: 'Priya Raman' }),
    ]);
  });

  it('keeps a raised nonconformity: another verdict, a new grade or clearing it is refused until the finding is deleted', async () => {
    const { ok, fail } = caller(core);
    const { assessmentId, audit } = await anAudit();
    const nc = {
      auditId: audit.id,
      requirementId: control('6.1.2'),
      verdict: 'nonconformity' as const,
      grade: 'major' as const,
      notes: 'No risk assessment for the chatbot.',
    };
    const first = await ok('audits.answer', nc);
    const again = await ok('audits.answer', { ...nc, notes: 'No risk assessment (two models).' });
    expect(again.answer?.finding?.id).toBe(first.answer?.finding?.id);
    expect(await ok('findings.list', { assessmentId })).toHaveLength(1);

    expect((await fail('audits.answer', { ...nc, verdict: 'conformity' })).code).toBe('CONFLICT');
    expect(
      (await fail('audits.answer', { ...nc, grade: 'minor' })).details?.issues?.[0]?.path,
    ).toBe('grade');
    const line = { auditId: nc.auditId, requirementId: nc.requirementId };
    expect((await fail('audits.clearAnswer', line)).code).toBe('CONFLICT');

    await ok('findings.delete', { id: first.answer?.finding?.id ?? '' });
    const relieved = await ok('audits.answer', { ...nc, verdict: 'observation', grade: null });
    expect(relieved.answer).toMatchObject({ verdict: 'observation', grade: null, finding: null });
    const cleared = await ok('audits.clearAnswer', line);
    expect(cleared.answer).toBeNull();
  });

  it('refuses what a line needs but lacks, and does nothing half way', async () => {
    const { ok, fail } = caller(core);
    const { engagementId, assessmentId, audit } = await anAudit();
    const base = { auditId: audit.id, requirementId: control('5.2') };
    const path0 = async (input: object) =>
      (await fail('audits.answer', { ...base, ...input })).details?.issues?.[0]?.path;
    expect(await path0({ verdict: 'nonconformity', grade: 'minor', notes: ' ' })).toBe('notes');
    expect(await path0({ verdict: 'nonconformity', notes: 'x' })).toBe('grade');
    expect(await path0({ verdict: 'not-audited' })).toBe('notes');
    expect(await path0({ verdict: 'conformity', requirementId: control('8.1') })).toBe(
      'requirementId',
    );
    // Evidence of another engagement: refused, and no finding was raised before the refusal.
    const other = await newEngagement(core);
    const file = path.join(tempDir(), 'other.txt');
    fs.writeFileSync(file, 'other client');
    const foreign = await importFile(core.ctx, file, { engagementId: other });
    expect(
      await path0({
        verdict: 'nonconformity',
        grade: 'minor',
        notes: 'x',
        evidenceIds: [foreign.id],
      }),
    ).toBe('evidenceIds.0');
    expect(await ok('findings.list', { assessmentId })).toEqual([]);
    expect((await ok('audits.checklist', { auditId: audit.id })).progress.answered).toBe(0);
    expect(engagementId).not.toBe(other);
  });

  it('refuses a nonconformity when no assessment is in progress, and takes "not audited" out of coverage', async () => {
    const { ok, fail } = caller(core);
    const { assessmentId, audit, programmeId } = await anAudit();
    await ok('audits.save', {
      id: audit.id,
      programmeId,
      title: audit.title,
      status: 'completed',
      heldFrom: '2026-03-02',
      requirementIds: audit.requirementIds,
    });
    await ok('audits.answer', {
      auditId: audit.id,
      requirementId: control('5.1'),
      verdict: 'not-audited',
      notes: 'Top management was not available.',
    });
    const coverage = await ok('audits.coverage', { programmeId });
    const state = (ref: string) => coverage.rows.find((r) => r.ref === ref)?.state;
    expect([state('5.1'), state('5.2')]).toEqual(['not-covered', 'audited']);

    core.store.sqlite
      .prepare("UPDATE assessments SET status = 'final' WHERE id = ?")
      .run(assessmentId);
    const refused = await fail('audits.answer', {
      auditId: audit.id,
      requirementId: control('5.2'),
      verdict: 'nonconformity',
      grade: 'minor',
      notes: 'x',
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Start the next assessment/);
    expect((await ok('audits.checklist', { auditId: audit.id })).progress.answered).toBe(1);
  });
});
