import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { ConsistencyFindingView } from '../../shared/contracts/readiness';
import { defaultCriteria } from '../../shared/rules/risk-levels';
import { startTestCore } from '../helpers/core';
import { call } from '../helpers/evidence';
import { newAssessment, req } from '../helpers/prepared';

/**
 * The readiness room reads only the risks a check can name (a register may hold 10,000): these
 * cases pin that what it leaves out is exactly what the rules would ignore anyway.
 */
type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
let assessment: Assessment;
const threshold = defaultCriteria.acceptanceThreshold;

async function risk(title: string, fields: Record<string, unknown>): Promise<string> {
  const created = await call<{ ref: string }>(core, 'risks.create', {
    engagementId: assessment.engagementId,
    title,
    likelihood: 1,
    impact: 1,
    ...fields,
  });
  return created.ref;
}

beforeAll(async () => {
  core = await startTestCore();
  assessment = await newAssessment(core);
  await call(core, 'soa.save', {
    assessmentId: assessment.id,
    requirementId: req('A.8.4'),
    applicable: false,
    justification: 'No incident of ours reaches interested parties.',
    implementationStatus: 'not-applicable',
  });
}, 60_000);
afterAll(() => core.close());

describe('consistency checks over a risk register', () => {
  it('names every live risk that relies on an excluded control or is untreated above the threshold, and no other', async () => {
    const high = { likelihood: 5, impact: 5 };
    const relying = await risk('Relies on the excluded control', {
      treatmentOption: 'modify',
      controlIds: [req('A.8.4'), req('A.6.2.4')],
    });
    await risk('Closed, relied on the excluded control', {
      treatmentOption: 'modify',
      controlIds: [req('A.8.4')],
      status: 'closed',
    });
    const untreated = await risk('High and untreated', { ...high, controlIds: [req('A.6.2.4')] });
    await risk('High, untreated, closed', { ...high, status: 'closed' });
    await risk('High and treated', { ...high, treatmentOption: 'avoid' });
    // At the threshold exactly: may be accepted without treatment.
    const atThreshold = [1, 2, 3, 4, 5].find((l) => threshold % l === 0 && threshold / l <= 5) ?? 1;
    await risk('At the threshold, untreated', {
      likelihood: atThreshold,
      impact: threshold / atThreshold,
    });
    const found = await call<ConsistencyFindingView[]>(core, 'readiness.checks', {
      assessmentId: assessment.id,
    });
    expect(found.map((f) => [f.check, f.risks.map((r) => r.ref), f.riskCount])).toEqual([
      ['excluded-but-relied-on', [relying], 1],
      ['risk-untreated', [untreated], 1],
    ]);
  });
});
