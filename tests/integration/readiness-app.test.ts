import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { ConsistencyFindingView, ReadinessView } from '../../shared/contracts/readiness';
import { startTestCore } from '../helpers/core';
import { call } from '../helpers/evidence';
import { newAssessment, prepareThroughApp, req } from '../helpers/prepared';

/**
 * Readiness measured through the app, as issue 12 measured it: one assessment prepared with the
 * commands a consultant uses, then changed one thing at a time and put back.
 */
type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
let assessment: Assessment;

const readiness = () => call<ReadinessView>(core, 'readiness.get', { assessmentId: assessment.id });
const failing = (r: ReadinessView) => r.gates.filter((g) => !g.passed).map((g) => g.id);
const answer = (ref: string, result: string, extra: object = {}) =>
  call(core, 'responses.save', {
    assessmentId: assessment.id,
    requirementId: req(ref),
    result,
    ...extra,
  });

beforeAll(async () => {
  core = await startTestCore();
  assessment = await newAssessment(core);
  await prepareThroughApp(core, assessment.id);
}, 120_000);
afterAll(() => core.close());

describe('readiness through the app', () => {
  it('a prepared assessment, with an internal audit and a management review, is ready at both stages', async () => {
    const r = await readiness();
    expect(failing(r)).toEqual([]);
    expect(r.verdict).toBe('ready');
    expect(r.stages.map((s) => [s.stage, s.verdict])).toEqual([
      [1, 'ready'],
      [2, 'ready'],
    ]);
    expect(r.cycle.every((c) => c.completed && c.source === 'documented-information')).toBe(true);
    expect(r.checks).toEqual([]);
  });

  it('an open major against A.6.2.4 makes it not ready at stage 2; closing it restores "ready"', async () => {
    const finding = await call<{ id: string }>(core, 'findings.create', {
      assessmentId: assessment.id,
      requirementId: req('A.6.2.4'),
      grade: 'major',
      statement: 'No validation before release of the credit model.',
    });
    const r = await readiness();
    expect(r.verdict).toBe('not-ready');
    expect(r.stages.map((s) => s.verdict)).toEqual(['ready', 'not-ready']);
    expect(r.stages[1]?.blockers[0]).toMatchObject({ gate: 'open-major', refs: ['A.6.2.4'] });
    // A finding closes through its corrective action (issue 13): here, accepted with a reason.
    await call(core, 'correctiveActions.accept', {
      findingId: finding.id,
      reason: 'Validation moved into the supplier contract, signed today.',
    });
    expect((await readiness()).verdict).toBe('ready');
  });

  it('clauses 9 and 10 left out of scope make it not ready at both stages', async () => {
    await call(core, 'assessments.update', {
      id: assessment.id,
      title: assessment.title,
      excludedAreas: ['9', '10'],
    });
    const r = await readiness();
    expect(failing(r)).toEqual(['clause-scope']);
    expect(r.stages.map((s) => s.verdict)).toEqual(['not-ready', 'not-ready']);
    await call(core, 'assessments.update', {
      id: assessment.id,
      title: assessment.title,
      excludedAreas: [],
    });
    expect((await readiness()).verdict).toBe('ready');
  });

  it('shows the SoA/interview contradictions at the control, and they do not change the verdict', async () => {
    await answer('A.7.4', 'partially-conformant');
    await answer('A.9.4', 'not-applicable', {
      naJustification: 'The systems in scope have no intended-use statement of their own.',
    });
    const all = await call<ConsistencyFindingView[]>(core, 'readiness.checks', {
      assessmentId: assessment.id,
    });
    expect(all.map((f) => [f.check, f.control])).toEqual([
      ['implemented-with-gap', 'A.7.4'],
      ['applicable-answered-na', 'A.9.4'],
    ]);
    const atA74 = await call<ConsistencyFindingView[]>(core, 'readiness.checks', {
      assessmentId: assessment.id,
      ref: 'A.7.4',
    });
    expect(atA74.map((f) => f.check)).toEqual(['implemented-with-gap']);
    expect((await readiness()).checks).toHaveLength(2);
    await answer('A.7.4', 'conformant');
    await answer('A.9.4', 'conformant');
  });

  it('tells the risk drawer which assessment excludes a control its treatment relies on', async () => {
    const risk = await call<{ id: string; ref: string }>(core, 'risks.create', {
      engagementId: assessment.engagementId,
      title: 'Chatbot gives wrong payment guidance',
      likelihood: 4,
      impact: 4,
      treatmentOption: null,
      controlIds: [req('A.8.4')],
    });
    await call(core, 'soa.save', {
      assessmentId: assessment.id,
      requirementId: req('A.8.4'),
      applicable: false,
      justification: 'No incident of ours reaches interested parties (disputed).',
      implementationStatus: 'not-applicable',
    });
    const found = await call<(ConsistencyFindingView & { assessmentTitle: string | null })[]>(
      core,
      'readiness.riskChecks',
      { riskId: risk.id },
    );
    expect(found.map((f) => [f.check, f.assessmentTitle])).toEqual([
      ['excluded-but-relied-on', assessment.title],
      ['risk-untreated', null],
    ]);
    expect(found[0]?.message).toBe(
      `A.8.4 is excluded in the SoA, yet the treatment of ${risk.ref} relies on it.`,
    );
    const r = await readiness();
    // The excluded control's incident communication plan is no longer required.
    expect(r.documents.find((d) => d.key === 'incident-communication-plan')?.required).toBe(false);
    expect(r.checks.map((c) => c.check)).toEqual(['excluded-but-relied-on', 'risk-untreated']);
  });
});
