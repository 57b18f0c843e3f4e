import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit';
import { startTestCore } from '../helpers/core';
import { caller, control, count, newEngagement, type TestCore } from '../helpers/risk-core';

let core: TestCore;
let api: ReturnType<typeof caller>;
let engagementId: string;
beforeEach(async () => {
  core = await startTestCore();
  api = caller(core);
  engagementId = await newEngagement(core);
});
afterEach(() => core.close());

const system = (name: string) =>
  api.ok('aiSystems.create', {
    engagementId,
    name,
    orgRole: 'customer',
    lifecycleStage: 'deployment',
    dataCategories: ['personal', 'special-category'],
    affectedParties: ['Job applicants'],
  });

const baseRisk = {
  title: 'Ranking penalises career gaps',
  likelihood: 4,
  impact: 4,
  riskSource: 'C.3.4',
  objectives: ['C.2.5'],
  treatmentOption: 'modify' as const,
  treatmentPlan: 'Bias audit before go-live.',
  controlIds: [control('A.5.4'), control('A.6.2.4')],
  residualLikelihood: 2,
  residualImpact: 4,
  owner: 'Head of Talent',
};

describe('AI systems', () => {
  it('creates, lists, updates and deletes with audit rows, refusing a duplicate name', async () => {
    const cv = await system('CV screening tool');
    expect(cv.dataCategories).toEqual(['personal', 'special-category']);
    const dup = await api.fail('aiSystems.create', {
      engagementId,
      name: 'cv screening TOOL',
      orgRole: 'customer',
      lifecycleStage: 'design',
    });
    expect(dup.code).toBe('CONFLICT');
    const bad = await api.fail('aiSystems.create', {
      engagementId,
      name: 'x',
      orgRole: 'vendor',
      lifecycleStage: 'design',
    });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toContain('orgRole');
    const updated = await api.ok('aiSystems.update', {
      id: cv.id,
      name: 'CV screening',
      orgRole: 'customer',
      lifecycleStage: 'operation',
    });
    expect(updated.lifecycleStage).toBe('operation');
    expect((await api.ok('aiSystems.list', { engagementId })).map((s) => s.name)).toEqual([
      'CV screening',
    ]);
    await api.ok('aiSystems.delete', { id: cv.id });
    expect(await api.ok('aiSystems.list', { engagementId })).toEqual([]);
    const actions = core.store.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'ai_system' ORDER BY seq`)
      .all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'aiSystem.create',
      'aiSystem.update',
      'aiSystem.delete',
    ]);
  });
});

describe('risks', () => {
  it('creates a risk with levels, systems and two Annex A controls, and lists it', async () => {
    const cv = await system('CV screening tool');
    const risk = await api.ok('risks.create', { engagementId, ...baseRisk, aiSystemIds: [cv.id] });
    expect(risk.ref).toBe('R-001');
    expect([risk.inherentScore, risk.inherentBand]).toEqual([16, 'high']);
    expect([risk.residualScore, risk.residualBand]).toEqual([8, 'medium']);
    expect(risk.criteriaVersion).toBe(0);
    expect(risk.controlRefs).toEqual(['A.5.4', 'A.6.2.4']);
    expect(risk.aiSystemNames).toEqual(['CV screening tool']);
    expect(count(core, 'risk_controls')).toBe(2);
    const [listed] = await api.ok('risks.list', { engagementId });
    expect(listed).toEqual(risk);
    const byControl = await api.ok('risks.byControl', { engagementId });
    expect(byControl[control('A.5.4')]).toEqual([
      { riskId: risk.id, ref: 'R-001', title: baseRisk.title },
    ]);
  });

  it('refuses unknown controls, sources, objectives and foreign systems, naming the field', async () => {
    const other = await newEngagement(core);
    const foreign = await api.ok('aiSystems.create', {
      engagementId: other,
      name: 'Elsewhere',
      orgRole: 'provider',
      lifecycleStage: 'concept',
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ controlIds: [control('A.99.1')] }, 'controlIds'],
      [{ controlIds: [control('6.1.2')] }, 'controlIds'],
      [{ riskSource: 'C.3.99' }, 'riskSource'],
      [{ riskSource: 'C.2.1' }, 'riskSource'],
      [{ objectives: ['C.2.42'] }, 'objectives'],
      [{ aiSystemIds: [foreign.id] }, 'aiSystemIds'],
      [{ likelihood: 6 }, 'likelihood'],
      [{ residualImpact: null }, 'residualImpact'],
    ];
    for (const [change, field] of cases) {
      const error = await api.fail('risks.create', { engagementId, ...baseRisk, ...change });
      expect(error.code, field).toBe('VALIDATION');
      expect(error.message).toContain(field);
    }
    expect(count(core, 'risks')).toBe(0);
  });

  it('updates links, records history with field changes, accepts and deletes', async () => {
    const a = await system('Chatbot');
    const b = await system('CV tool');
    const risk = await api.ok('risks.create', { engagementId, ...baseRisk, aiSystemIds: [a.id] });
    const updated = await api.ok('risks.update', {
      id: risk.id,
      ...baseRisk,
      aiSystemIds: [b.id],
      controlIds: [control('A.10.3')],
      impact: 5,
      status: 'in-treatment',
    });
    expect(updated.aiSystemNames).toEqual(['CV tool']);
    expect(updated.controlRefs).toEqual(['A.10.3']);
    expect(updated.inherentScore).toBe(20);
    expect(updated.inherentBand).toBe('critical');
    const accepted = await api.ok('risks.accept', {
      id: risk.id,
      acceptedBy: 'Head of Talent',
      acceptedOn: '2026-04-01',
    });
    expect([accepted.status, accepted.acceptedBy, accepted.acceptedAt]).toEqual([
      'accepted',
      'Head of Talent',
      '2026-04-01',
    ]);
    const { history } = await api.ok('risks.get', { id: risk.id });
    expect(history.map((h) => h.action)).toEqual(['risk.create', 'risk.update', 'risk.accept']);
    const fields = history[1]?.changes.map((c) => c.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['impact', 'aiSystems', 'controls', 'status']));
    expect(history[1]?.changes.find((c) => c.field === 'controls')).toMatchObject({
      from: 'A.5.4, A.6.2.4',
      to: 'A.10.3',
    });
    await api.ok('risks.delete', { id: risk.id });
    expect(count(core, 'risk_controls') + count(core, 'risk_ai_systems')).toBe(0);
    expect((await api.fail('risks.get', { id: risk.id })).code).toBe('NOT_FOUND');
    expect(verifyAuditChain(core.store.sqlite).ok).toBe(true);
  });
});

describe('criteria', () => {
  it('returns the defaults until saved and refuses bad criteria naming the field', async () => {
    const c = await api.ok('riskCriteria.get', { engagementId });
    expect([c.version, c.saved, c.likelihoodLevels, c.bands.length]).toEqual([0, false, 5, 4]);
    const bad = await api.fail('riskCriteria.save', {
      ...c,
      bands: [
        { name: 'low', minScore: 1 },
        { name: 'high', minScore: 1 },
      ],
      version: undefined,
      saved: undefined,
      staleRiskCount: undefined,
      updatedAt: undefined,
      updatedBy: undefined,
    });
    expect(bad.code).toBe('VALIDATION');
  });

  it('never changes stored levels when criteria change; re-rating is explicit and audited', async () => {
    const r1 = await api.ok('risks.create', { engagementId, ...baseRisk });
    const r2 = await api.ok('risks.create', {
      engagementId,
      ...baseRisk,
      title: 'High on a 5×5 only',
      likelihood: 5,
      impact: 5,
      residualLikelihood: null,
      residualImpact: null,
    });
    const saved = await api.ok('riskCriteria.save', {
      engagementId,
      likelihoodLevels: 4,
      impactLevels: 4,
      likelihoodLabels: ['Rare', 'Possible', 'Likely', 'Certain'],
      impactLabels: ['Minor', 'Moderate', 'Major', 'Severe'],
      bands: [
        { name: 'low', minScore: 1 },
        { name: 'high', minScore: 6 },
        { name: 'extreme', minScore: 12 },
      ],
      acceptanceThreshold: 5,
    });
    expect([saved.version, saved.staleRiskCount]).toEqual([1, 2]);
    const after = await api.ok('risks.list', { engagementId });
    expect(after.map((r) => [r.inherentBand, r.criteriaVersion])).toEqual([
      ['high', 0],
      ['critical', 0],
    ]);
    // Editing text keeps recorded levels; only a rating change re-rates.
    const edited = await api.ok('risks.update', { id: r1.id, ...baseRisk, title: 'Renamed' });
    expect([edited.inherentBand, edited.criteriaVersion]).toEqual(['high', 0]);
    const auditBefore = count(core, 'audit_log');
    const result = await api.ok('risks.rerate', { engagementId });
    expect(result.rerated).toBe(1);
    expect(result.skipped).toEqual([expect.objectContaining({ id: r2.id, ref: 'R-002' })]);
    expect(count(core, 'audit_log')).toBe(auditBefore + 1);
    const rerated = await api.ok('risks.get', { id: r1.id });
    expect([rerated.risk.inherentBand, rerated.risk.residualBand]).toEqual(['extreme', 'high']);
    expect(rerated.risk.criteriaVersion).toBe(1);
    expect(rerated.history.at(-1)?.action).toBe('risk.rerate');
    expect((await api.ok('riskCriteria.get', { engagementId })).staleRiskCount).toBe(1);
  });
});

describe('impact assessments', () => {
  it('records an assessment per AI system linked to risks', async () => {
    const cv = await system('CV screening tool');
    const risk = await api.ok('risks.create', { engagementId, ...baseRisk, aiSystemIds: [cv.id] });
    const ia = await api.ok('impactAssessments.create', {
      aiSystemId: cv.id,
      affected: [
        { kind: 'groups', who: 'Women returning to work' },
        { kind: 'society', who: 'Local labour market' },
      ],
      impactAreas: [{ area: 'fairness', notes: 'Career-gap penalty' }],
      severity: 4,
      likelihood: 3,
      reviewer: 'CRO',
      reviewedOn: '2026-03-15',
      outcome: 'Postpone go-live',
      riskIds: [risk.id],
    });
    expect(ia.riskRefs).toEqual(['R-001']);
    expect(ia.aiSystemName).toBe('CV screening tool');
    const dupArea = await api.fail('impactAssessments.update', {
      id: ia.id,
      severity: 4,
      likelihood: 3,
      impactAreas: [
        { area: 'privacy', notes: '' },
        { area: 'privacy', notes: 'again' },
      ],
    });
    expect(dupArea.message).toContain('impactAreas');
    const updated = await api.ok('impactAssessments.update', {
      id: ia.id,
      severity: 2,
      likelihood: 2,
      riskIds: [],
    });
    expect(updated.riskIds).toEqual([]);
    expect(
      await api.ok('impactAssessments.list', { engagementId, aiSystemId: cv.id }),
    ).toHaveLength(1);
    await api.ok('impactAssessments.delete', { id: ia.id });
    expect(await api.ok('impactAssessments.list', { engagementId })).toEqual([]);
  });
});
