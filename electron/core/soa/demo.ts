import { isAnnexA } from '../../../shared/rules/scope';
import type { CoreContext } from '../context';
import type { DemoKit } from '../demo';
import type { DemoAnswer } from '../responses';
import { saveSoaEntry } from './write';

/** SoA decisions for the first answered controls (20 in the small demo, 38 in the large). */
export function seedSoaDemo(
  ctx: CoreContext,
  kit: DemoKit,
  input: { assessmentId: string; answered: DemoAnswer[] },
): number {
  const controls = input.answered.filter((a) => isAnnexA(a.ref)).slice(0, kit.large ? 38 : 20);
  for (const a of controls) {
    const excluded = a.result === 'not-applicable';
    saveSoaEntry(ctx, {
      assessmentId: input.assessmentId,
      requirementId: a.id,
      applicable: !excluded,
      justification: excluded
        ? kit.pick(kit.texts.naJustifications)
        : 'Needed to treat the AI risks recorded for the systems in scope and expected by customers’ contracts.',
      implementationStatus: excluded
        ? 'not-applicable'
        : a.result === 'conformant'
          ? 'implemented'
          : a.result === 'partially-conformant'
            ? 'partially-implemented'
            : 'planned',
    });
  }
  return controls.length;
}
