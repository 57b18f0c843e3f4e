import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/seed';
import type { EuAiActView } from '../../shared/contracts/eu-ai-act';
import { startTestCore } from '../helpers/core';
import { tableCounts } from '../helpers/db';
import { caller } from '../helpers/risk-core';
import type { CommandInput, CommandName } from '../../shared/contracts';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;

const ok = <N extends CommandName>(core: TestCore, name: N, input: CommandInput<N>) =>
  caller(core).ok(name, input);

describe('the EU AI Act view on the small demo', () => {
  let core: TestCore;
  let assessmentId = '';
  let view: EuAiActView;
  beforeAll(async () => {
    core = await startTestCore();
    await seedDemo(core.ctx, { size: 'small', seed: 42 });
    assessmentId = core.store.sqlite
      .prepare("SELECT id FROM assessments WHERE status <> 'final' ORDER BY created_at LIMIT 1")
      .pluck()
      .get() as string; // this year's, in progress (the demo also holds last year's final one)
    view = await ok(core, 'euAiAct.obligations', { assessmentId });
  });
  afterAll(() => core.close());

  it('scopes the credit-scoring model as a high-risk Annex III point 5 system the lender provides', () => {
    const credit = view.systems.find((s) => s.name === 'Credit scoring model');
    expect(credit).toMatchObject({
      riskClass: 'high-risk',
      annexIiiPoint: 5,
      roles: expect.arrayContaining(['provider']),
      gap: null,
    });
  });

  it('lists the provider obligations of a high-risk system, each with supporting 42001 requirements', () => {
    const expected = {
      'risk-management': 'Article 9',
      'data-governance': 'Article 10',
      'technical-documentation': 'Article 11',
      'record-keeping': 'Article 12',
      'transparency-to-deployers': 'Article 13',
      'human-oversight': 'Article 14',
      'accuracy-robustness-cybersecurity': 'Article 15',
      'quality-management': 'Article 17',
    };
    for (const [id, article] of Object.entries(expected)) {
      const o = view.obligations.find((x) => x.id === id);
      expect(o, id).toBeDefined();
      expect(o?.articles.map((a) => a.ref)).toContain(article);
      expect(o?.systems.map((s) => s.name)).toContain('Credit scoring model');
      expect(o?.supporting.length, id).toBeGreaterThan(0);
    }
    const rm = view.obligations.find((o) => o.id === 'risk-management');
    expect(rm?.articles[0]).toEqual({ ref: 'Article 9', title: 'Risk management system' });
    expect(rm?.supporting.map((r) => r.ref)).toEqual(
      expect.arrayContaining(['6.1.2', '6.1.3', '8.2', '8.3']),
    );
    expect(
      view.obligations.find((o) => o.id === 'data-governance')?.supporting.map((r) => r.ref),
    ).toEqual(expect.arrayContaining(['A.7.2', 'A.7.4', 'A.7.6']));
  });

  it('shows the assessment’s own result for each supporting requirement', () => {
    const responses = new Map(
      (
        core.store.sqlite
          .prepare(
            `SELECT r.ref, s.result FROM responses s JOIN requirements r ON r.id = s.requirement_id
             WHERE s.assessment_id = ?`,
          )
          .all(assessmentId) as { ref: string; result: string }[]
      ).map((r) => [r.ref, r.result]),
    );
    const all = view.obligations.flatMap((o) => o.supporting);
    expect(all.length).toBeGreaterThan(40);
    for (const r of all) expect(r.result, r.ref).toBe(responses.get(r.ref) ?? 'not-assessed');
    expect(all.some((r) => r.result === 'conformant')).toBe(true);
    expect(all.some((r) => r.result === 'not-assessed')).toBe(true);
  });

  it('states plainly what 42001 does not cover: conformity assessment, CE marking, registration, the FRIA', () => {
    const none = view.obligations.filter((o) => o.coverage === 'none').map((o) => o.id);
    expect(none).toEqual(
      expect.arrayContaining([
        'conformity-assessment',
        'ce-marking',
        'registration',
        'eu-declaration',
        'fundamental-rights-impact-assessment',
      ]),
    );
    const fria = view.obligations.find((o) => o.id === 'fundamental-rights-impact-assessment');
    expect(fria?.systems.map((s) => s.name)).toEqual(['Credit scoring model', 'CV screening tool']);
  });

  it('exports the obligations and every supporting requirement as an XLSX workbook', async () => {
    const out = await ok(core, 'euAiAct.exportXlsx', { assessmentId });
    expect(out.fileName).toMatch(
      /^Northwind-Lending-Ltd-eu-ai-act-obligations-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const [obligations, support] = workbook.worksheets;
    expect(obligations?.name).toBe('Obligations');
    expect(obligations?.actualRowCount).toBe(view.obligations.length + 1);
    expect(obligations?.getRow(1).getCell(1).value).toBe('Obligation');
    const titles = obligations?.getColumn(1).values.slice(2);
    expect(titles).toContain('Risk management system');
    expect(support?.actualRowCount).toBe(
      view.obligations.reduce((n, o) => n + o.supporting.length, 0) + 1,
    );
    expect(out.rows).toBe(view.obligations.length);
  });
});

describe('EU AI Act scoping of an AI system', () => {
  let core: TestCore;
  let engagementId = '';
  beforeAll(async () => {
    core = await startTestCore();
    engagementId = (
      await ok(core, 'engagements.create', {
        clientName: 'Scoping Ltd',
        aimsScope: 'x',
        leadAssessor: 'L',
      })
    ).id;
  });
  afterAll(() => core.close());

  const base = {
    name: 'Chat assistant',
    orgRole: 'customer',
    lifecycleStage: 'operation',
  } as const;

  it('defaults to not scoped, and keeps role, class and Annex III point once set', async () => {
    const created = await ok(core, 'aiSystems.create', { engagementId, ...base });
    expect(created).toMatchObject({
      euAiActRoles: [],
      euAiActRiskClass: null,
      euAiActAnnexIiiPoint: null,
    });
    const updated = await ok(core, 'aiSystems.update', {
      id: created.id,
      ...base,
      euAiActRoles: ['deployer', 'importer'],
      euAiActRiskClass: 'high-risk',
      euAiActAnnexIiiPoint: 3,
    });
    expect(updated).toMatchObject({
      euAiActRoles: ['deployer', 'importer'],
      euAiActRiskClass: 'high-risk',
      euAiActAnnexIiiPoint: 3,
    });
    const listed = await ok(core, 'aiSystems.list', { engagementId });
    expect(listed[0]).toEqual(updated);
    const audit = core.store.sqlite
      .prepare(`SELECT after_json AS a FROM audit_log WHERE action = 'aiSystem.update'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ euAiActRiskClass: 'high-risk' });
  });

  it.each([
    [
      'an Annex III point on a system that is not high-risk',
      { euAiActRiskClass: 'minimal', euAiActAnnexIiiPoint: 4 },
    ],
    [
      'an Annex III point that does not exist',
      { euAiActRiskClass: 'high-risk', euAiActAnnexIiiPoint: 9 },
    ],
    ['a role outside the Act’s vocabulary', { euAiActRoles: ['user'] }],
    ['a role listed twice', { euAiActRoles: ['provider', 'provider'] }],
    ['an unknown risk class', { euAiActRiskClass: 'unacceptable' }],
  ])('refuses %s with a validation error and writes nothing', async (_label, scoping) => {
    const before = tableCounts(core.store.sqlite);
    const result = await core.dispatcher.dispatch('aiSystems.create', {
      engagementId,
      ...base,
      name: 'Refused',
      ...scoping,
    } as never);
    expect(result.ok ? 'created' : result.error.code).toBe('VALIDATION');
    expect(tableCounts(core.store.sqlite)).toEqual(before);
  });

  it('a system without role or class appears in the view as not scoped, with no obligations', async () => {
    const engagement = await ok(core, 'engagements.create', {
      clientName: 'Unscoped Ltd',
      aimsScope: 'x',
      leadAssessor: 'L',
    });
    await ok(core, 'aiSystems.create', { engagementId: engagement.id, ...base });
    const assessment = await ok(core, 'assessments.create', {
      engagementId: engagement.id,
      title: 'A',
    });
    const view = await ok(core, 'euAiAct.obligations', {
      assessmentId: assessment.id,
    });
    expect(view.systems.map((s) => s.gap)).toEqual(['no role and no risk class']);
    expect(view.obligations).toEqual([]);
  });

  it('a deployer of a limited-risk system gets AI literacy and the transparency notices, supported by A.8.2', async () => {
    const engagement = await ok(core, 'engagements.create', {
      clientName: 'Limited Ltd',
      aimsScope: 'x',
      leadAssessor: 'L',
    });
    await ok(core, 'aiSystems.create', {
      engagementId: engagement.id,
      ...base,
      euAiActRoles: ['deployer'],
      euAiActRiskClass: 'limited-transparency',
    });
    const assessment = await ok(core, 'assessments.create', {
      engagementId: engagement.id,
      title: 'A',
      excludedAreas: ['A.8'],
    });
    const view = await ok(core, 'euAiAct.obligations', {
      assessmentId: assessment.id,
    });
    expect(view.obligations.map((o) => o.id)).toEqual(['ai-literacy', 'transparency-to-people']);
    const notices = view.obligations[1];
    expect(notices?.coverage).toBe('none');
    // A.8 is left out of this assessment: the requirement is still named, marked out of scope.
    expect(notices?.supporting.find((r) => r.ref === 'A.8.2')).toMatchObject({
      inScope: false,
      result: 'not-assessed',
    });
  });
});
