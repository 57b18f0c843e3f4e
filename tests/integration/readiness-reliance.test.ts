import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { ConsistencyFindingView } from '../../shared/contracts/readiness';
import type { Risk } from '../../shared/contracts/risks';
import type { SoaRow } from '../../shared/contracts/soa';
import { NAMED_RISKS } from '../../shared/rules/consistency';
import { seedDemo } from '../../electron/core/demo/seed';
import { startTestCore } from '../helpers/core';
import { call } from '../helpers/evidence';
import { newAssessment, req } from '../helpers/prepared';

/**
 * "Excluded in the SoA, yet relied on" names the first live risks relying on each excluded
 * control and counts them all. The room counts them in the store (a register may hold 10,000
 * risks); these cases hold what it says to what the register and the SoA say through the app's
 * own commands, on the large demo and on random small registers, so that a faster query can be
 * checked against the same answers.
 */
type TestCore = Awaited<ReturnType<typeof startTestCore>>;
type Relied = [control: string, named: string[], count: number];

/** What the check should say, worked out from the register and the SoA as the app lists them. */
async function expected(core: TestCore, assessment: Pick<Assessment, 'id' | 'engagementId'>) {
  const register = await call<Risk[]>(core, 'risks.list', {
    engagementId: assessment.engagementId,
  });
  const soa = await call<SoaRow[]>(core, 'soa.list', { assessmentId: assessment.id });
  const excluded = soa.filter((row) => row.entry && !row.entry.applicable);
  return excluded
    .map((row): Relied => {
      const relying = register
        .filter((r) => r.status !== 'closed' && r.controlIds.includes(row.requirementId))
        // `risks.list` answers in register order (R-2 before R-10 before R-100), the order the
        // check promises to name them in.
        .map((r) => r.ref);
      return [row.ref, relying.slice(0, NAMED_RISKS), relying.length];
    })
    .filter(([, , count]) => count > 0);
}

/** What the check says, through the command the readiness tab uses. */
async function found(core: TestCore, assessmentId: string) {
  const checks = await call<ConsistencyFindingView[]>(core, 'readiness.checks', { assessmentId });
  return checks
    .filter((c) => c.check === 'excluded-but-relied-on')
    .map((c): Relied => [c.control ?? '', c.risks.map((r) => r.ref), c.riskCount]);
}

const byControl = (list: Relied[]) => [...list].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('risks relying on an excluded control', () => {
  it('on the large demo, every assessment names the same risks and counts as its register and SoA say', async () => {
    const core = await startTestCore();
    try {
      const report = await seedDemo(core.ctx, { size: 'large', seed: 7 });
      let relied = 0;
      let beyondNamed = 0;
      for (const assessmentId of report.assessmentIds) {
        const assessment = await call<Assessment>(core, 'assessments.get', { id: assessmentId });
        const want = await expected(core, assessment);
        expect(byControl(await found(core, assessmentId))).toEqual(byControl(want));
        relied += want.length;
        beyondNamed += want.filter(([, , count]) => count > NAMED_RISKS).length;
      }
      // The demo exercises the case: excluded controls relied on, some by more risks than named.
      expect(relied).toBeGreaterThan(0);
      expect(beyondNamed).toBeGreaterThan(0);
    } finally {
      core.close();
    }
  }, 600_000);

  describe('on random small registers', () => {
    let core: TestCore;
    const controls = ['A.2.2', 'A.6.2.4', 'A.8.4', 'A.9.3'];
    const statuses = ['open', 'in-treatment', 'accepted', 'closed'] as const;
    beforeAll(async () => {
      core = await startTestCore();
    }, 60_000);
    afterAll(() => core.close());

    it('names the first live relying risks of each excluded control and counts them all', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.subarray(controls),
          fc.array(
            fc.record({
              controls: fc.subarray(controls),
              status: fc.constantFrom(...statuses),
            }),
            { maxLength: 14 },
          ),
          async (excluded, risks) => {
            // A fresh engagement each run: its register holds exactly these risks.
            const here = await newAssessment(core);
            for (const ref of controls)
              await call(core, 'soa.save', {
                assessmentId: here.id,
                requirementId: req(ref),
                applicable: !excluded.includes(ref),
                justification: 'Decided for the property.',
                implementationStatus: excluded.includes(ref) ? 'not-applicable' : 'implemented',
              });
            for (const [i, r] of risks.entries())
              await call(core, 'risks.create', {
                engagementId: here.engagementId,
                title: `Risk ${i}`,
                likelihood: 1,
                impact: 1,
                treatmentOption: 'modify',
                controlIds: r.controls.map(req),
                status: r.status,
              });
            expect(byControl(await found(core, here.id))).toEqual(
              byControl(await expected(core, here)),
            );
          },
        ),
        { numRuns: 25 },
      );
    }, 300_000);
  });
});
