import type { Assessment } from '../../shared/contracts/assessments';
import type { Result } from '../../shared/domain/assessment';
import { caller, control, newEngagement, type TestCore } from './risk-core';

export const req = control;

export interface LastYear {
  engagementId: string;
  assessment: Assessment;
  /** Finding ids by ref: F-001 open (major, 6.1.2), F-002 in progress (minor, A.6.2.4), F-003 open observation (5.2). */
  findings: Record<string, string>;
}

/**
 * Last year's assessment, made final: a few answers with notes, three findings still open, two
 * SoA decisions, a scoping answer and an area left out — what "Start the next assessment" carries.
 */
export async function lastYear(
  core: TestCore,
  answers: Record<string, Result> = {
    '4.1': 'conformant',
    '5.2': 'partially-conformant',
    '6.1.2': 'nonconformant',
    'A.6.2.4': 'partially-conformant',
    'A.2.2': 'not-applicable',
  },
): Promise<LastYear> {
  const { ok } = caller(core);
  const engagementId = await newEngagement(core);
  const created = await ok('assessments.create', {
    engagementId,
    title: 'Gap assessment 2025',
    excludedAreas: ['A.10'],
  });
  for (const [ref, result] of Object.entries(answers)) {
    await ok('responses.save', {
      assessmentId: created.id,
      requirementId: req(ref),
      result,
      notes: `Last year on ${ref}: what we saw.`,
      naJustification: result === 'not-applicable' ? 'No such activity in scope.' : '',
      interviewees: ['Priya Raman'],
    });
  }
  const findings: Record<string, string> = {};
  const raise = async (ref: string, grade: 'major' | 'minor' | 'observation') => {
    const f = await ok('findings.create', {
      assessmentId: created.id,
      requirementId: req(ref),
      grade,
      statement: `Gap found against ${ref}.`,
      owner: 'Chief Risk Officer',
      dueDate: '2026-03-31',
    });
    findings[f.ref] = f.id;
    return f;
  };
  await raise('6.1.2', 'major');
  const second = await raise('A.6.2.4', 'minor');
  await ok('findings.update', {
    id: second.id,
    requirementId: req('A.6.2.4'),
    grade: 'minor',
    statement: second.statement,
    owner: second.owner,
    dueDate: second.dueDate,
    status: 'in-progress',
  });
  await raise('5.2', 'observation');
  await ok('soa.save', {
    assessmentId: created.id,
    requirementId: req('A.6.2.4'),
    applicable: true,
    justification: 'Models are verified before release.',
    implementationStatus: 'partially-implemented',
  });
  await ok('soa.save', {
    assessmentId: created.id,
    requirementId: req('A.2.2'),
    applicable: false,
    justification: 'Covered by the group policy outside this AIMS.',
    implementationStatus: 'not-applicable',
  });
  await ok('assessments.saveScoping', {
    id: created.id,
    answers: { 'ai-in-bought-software': true, 'ai-roles': ['provider', 'deployer'] },
  });
  const assessment = await ok('assessments.setStatus', { id: created.id, status: 'final' });
  return { engagementId, assessment, findings };
}
