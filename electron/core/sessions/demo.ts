import type { InterviewSession } from '../../../shared/contracts/sessions';
import type { CoreContext } from '../context';
import type { DemoKit } from '../demo';
import { createSession } from './write';

/** Four interview days, two of the client's people each. */
export function seedSessionsDemo(
  ctx: CoreContext,
  kit: DemoKit,
  assessmentId: string,
): InterviewSession[] {
  const people = kit.texts.demoPeople;
  return Array.from({ length: 4 }, (_, i) =>
    createSession(ctx, {
      assessmentId,
      heldAt: `2026-10-0${5 + i}T09:00:00.000Z`,
      interviewees: [people[(2 * i) % people.length], people[(2 * i + 1) % people.length]].filter(
        (p) => p !== undefined,
      ),
      attendees: ['Dana Okafor', 'Leo Martins'],
      requirementIds: [],
      notes: '',
    }),
  );
}
