import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestCore } from '../helpers/core';
import { lastYear, req } from '../helpers/cycle';
import { liveFormulaCells } from '../helpers/spreadsheet-csv';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

const today = () => new Date().toISOString().slice(0, 10);
const plan = {
  correction: 'Stopped the release until the check was done.',
  rootCauseMethod: 'five-whys' as const,
  whys: ['No check before release.', 'The checklist does not name it.'],
  rootCause: 'The checklist has no owner.',
  action: 'Give the checklist an owner and add the check.',
  owner: 'Head of ML',
  dueDate: '2026-01-31',
};

async function openFinding() {
  const { ok } = caller(core);
  const engagement = await ok('engagements.create', {
    clientName: 'Contoso Health',
    aimsScope: 'Triage models',
    leadAssessor: 'Dana Okafor',
  });
  const assessment = await ok('assessments.create', {
    engagementId: engagement.id,
    title: 'Gap assessment',
  });
  const finding = await ok('findings.create', {
    assessmentId: assessment.id,
    requirementId: req('6.1.2'),
    grade: 'major',
    statement: 'AI risks are not assessed before release.',
    owner: 'Head of ML',
  });
  return { engagementId: engagement.id, assessmentId: assessment.id, finding };
}

const status = async (assessmentId: string, id: string) =>
  (await caller(core).ok('findings.list', { assessmentId })).find((f) => f.id === id)?.status;

describe('a finding closes only through its corrective action', () => {
  it('refuses closing a finding by editing it, or raising it closed', async () => {
    const { ok, fail } = caller(core);
    const { assessmentId, finding } = await openFinding();
    const refused = await fail('findings.update', {
      id: finding.id,
      requirementId: finding.requirementId,
      grade: finding.grade,
      statement: finding.statement,
      status: 'closed',
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/closes through its corrective action/);
    const raised = await fail('findings.create', {
      assessmentId,
      requirementId: req('5.2'),
      grade: 'minor',
      statement: 'Closed from the start',
      status: 'closed',
    });
    expect(raised.code).toBe('CONFLICT');
    // Moving between open and in progress stays an ordinary edit.
    await ok('findings.update', {
      id: finding.id,
      requirementId: finding.requirementId,
      grade: finding.grade,
      statement: finding.statement,
      status: 'in-progress',
    });
    expect(await status(assessmentId, finding.id)).toBe('in-progress');
  });

  it('cannot close with an unverified action: not completed, not reviewed, or found not effective', async () => {
    const { ok, fail } = caller(core);
    const { assessmentId, finding } = await openFinding();
    const saved = await ok('correctiveActions.save', { findingId: finding.id, ...plan });
    expect(saved.status).toBe('open');
    const review = {
      findingId: finding.id,
      reviewedOn: today(),
      reviewer: 'Internal audit lead',
      effective: true,
    };
    expect((await fail('correctiveActions.review', review)).message).toMatch(
      /Only a completed action can be reviewed/,
    );
    expect(await status(assessmentId, finding.id)).toBe('open');

    const completed = await ok('correctiveActions.save', {
      findingId: finding.id,
      ...plan,
      completedOn: '2026-01-20',
      completionEvidence: 'Checklist v3',
    });
    expect(completed.status).toBe('awaiting-review');
    expect(await status(assessmentId, finding.id)).toBe('open');
    const early = await fail('correctiveActions.review', { ...review, reviewedOn: '2026-01-19' });
    expect(early.message).toMatch(/before the action was completed/);

    const notEffective = await ok('correctiveActions.review', { ...review, effective: false });
    expect(notEffective).toMatchObject({ status: 'not-effective', effective: false });
    expect(await status(assessmentId, finding.id)).toBe('open');
    // Saved again with the same completion date: still not effective, nothing to review.
    const same = await ok('correctiveActions.save', {
      findingId: finding.id,
      ...plan,
      completedOn: '2026-01-20',
    });
    expect(same.status).toBe('not-effective');
    expect((await fail('correctiveActions.review', review)).code).toBe('CONFLICT');

    // Acted again: a new completion waits for a new review, which closes the finding.
    const again = await ok('correctiveActions.save', {
      findingId: finding.id,
      ...plan,
      completedOn: '2026-02-10',
    });
    expect(again).toMatchObject({ status: 'awaiting-review', reviewedOn: null, effective: null });
    const effective = await ok('correctiveActions.review', review);
    expect(effective.status).toBe('effective');
    expect(effective.finding.status).toBe('closed');
    expect(effective.finding.closedAt).not.toBeNull();
    expect((await fail('correctiveActions.save', { findingId: finding.id, ...plan })).code).toBe(
      'CONFLICT',
    );
  });

  it('closes by explicit acceptance only with a reason, and reopens through the action', async () => {
    const { ok, fail } = caller(core);
    const { assessmentId, finding } = await openFinding();
    const blank = await fail('correctiveActions.accept', { findingId: finding.id, reason: '  ' });
    expect(blank.code).toBe('VALIDATION');
    const accepted = await ok('correctiveActions.accept', {
      findingId: finding.id,
      reason: 'The system is retired next month.',
    });
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedReason: 'The system is retired next month.',
      acceptedBy: expect.any(String),
      acceptedOn: today(),
    });
    expect(await status(assessmentId, finding.id)).toBe('closed');
    // Reopening by editing the finding is refused; through the action it is recorded.
    const edit = await fail('findings.update', {
      id: finding.id,
      requirementId: finding.requirementId,
      grade: finding.grade,
      statement: finding.statement,
      status: 'open',
    });
    expect(edit.message).toMatch(/reopens through its corrective action/);
    const reopened = await ok('correctiveActions.reopen', {
      findingId: finding.id,
      reason: 'The retirement was postponed.',
    });
    expect(reopened).toMatchObject({ status: 'open', acceptedReason: '', acceptedOn: null });
    expect(await status(assessmentId, finding.id)).toBe('open');
    const actions = core.store.sqlite
      .prepare(
        `SELECT action FROM audit_log WHERE action LIKE 'correctiveAction.%' OR action IN ('finding.close', 'finding.reopen') ORDER BY seq`,
      )
      .all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'correctiveAction.create',
      'correctiveAction.accept',
      'finding.close',
      'finding.reopen',
      'correctiveAction.reopen',
    ]);
  });

  it("closes last cycle's finding in this cycle, though last cycle's assessment is final", async () => {
    const { ok, fail } = caller(core);
    const before = await lastYear(core);
    const findingId = before.findings['F-001'] ?? '';
    const next = await ok('cycle.startNext', {
      assessmentId: before.assessment.id,
      title: 'Gap assessment 2026',
    });
    // Last year's record itself is final: its finding cannot be edited any more …
    const edit = await fail('findings.update', {
      id: findingId,
      requirementId: req('6.1.2'),
      grade: 'major',
      statement: 'Gap found against 6.1.2.',
      status: 'in-progress',
    });
    expect(edit.code).toBe('READ_ONLY');
    // … but its corrective action is this year's work, and closes it.
    await ok('correctiveActions.save', { findingId, ...plan, completedOn: '2026-01-20' });
    const closed = await ok('correctiveActions.review', {
      findingId,
      reviewedOn: today(),
      reviewer: 'Internal audit lead',
      effective: true,
    });
    expect(closed.finding).toMatchObject({
      status: 'closed',
      assessmentTitle: 'Gap assessment 2025',
    });
    const view = await ok('cycle.get', { assessmentId: next.id });
    expect(view.carriedFindings.find((f) => f.findingId === findingId)?.status).toBe('closed');
  });

  it('lists the register with overdue actions first and the nonconformities still without one', async () => {
    const { ok } = caller(core);
    const { engagementId, assessmentId, finding } = await openFinding();
    const minor = await ok('findings.create', {
      assessmentId,
      requirementId: req('7.2'),
      grade: 'minor',
      statement: 'Training records are incomplete.',
    });
    await ok('findings.create', {
      assessmentId,
      requirementId: req('7.4'),
      grade: 'observation',
      statement: 'Communication plan could be clearer.',
    });
    await ok('correctiveActions.save', { findingId: minor.id, ...plan, dueDate: '2999-01-01' });
    await ok('correctiveActions.save', { findingId: finding.id, ...plan, dueDate: '2020-01-01' });
    const { actions, withoutAction } = await ok('correctiveActions.list', { engagementId });
    expect(actions.map((a) => [a.finding.ref, a.daysOverdue > 0])).toEqual([
      ['F-001', true],
      ['F-002', false],
    ]);
    expect(withoutAction).toEqual([]);
    const third = await ok('findings.create', {
      assessmentId,
      requirementId: req('8.2'),
      grade: 'major',
      statement: 'No impact assessment.',
    });
    const again = await ok('correctiveActions.list', { engagementId });
    expect(again.withoutAction.map((f) => f.findingId)).toEqual([third.id]);
  });

  it('exports the register as inert CSV and as a workbook', async () => {
    const { ok } = caller(core);
    const { engagementId, finding } = await openFinding();
    await ok('correctiveActions.save', {
      findingId: finding.id,
      ...plan,
      action: '=HYPERLINK("http://evil.example","x"); then fix it',
      rootCause: '+1; @SUM(A1)',
    });
    const csv = await ok('correctiveActions.exportCsv', { engagementId });
    expect(csv.rows).toBe(1);
    expect(csv.fileName).toMatch(/^Contoso-Health-corrective-actions-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(liveFormulaCells(csv.text)).toEqual([]);
    expect(csv.text).toMatch(/Five whys/);
    const xlsx = await ok('correctiveActions.exportXlsx', { engagementId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Corrective actions');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Finding');
    expect(sheet?.getRow(2).getCell(1).value).toBe('F-001');
    expect(sheet?.rowCount).toBe(2);
  });
});
