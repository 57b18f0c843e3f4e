import type { Engagement } from '../../../shared/contracts/engagements';
import type { CoreContext } from '../context';
import type { DemoKit } from '../demo';
import { createEngagement } from './write';

/** The demo's engagement for one invented client. */
export function seedEngagementDemo(ctx: CoreContext, kit: DemoKit, client: string): Engagement {
  return createEngagement(ctx, {
    clientName: client,
    aimsScope: `The AI management system of ${client} covers the design, procurement and operation of ${kit.texts.demoSystems.slice(0, 3).join(', ')}, at the head office and the operations centre, including the teams and suppliers that build, run or oversee them.`,
    aiRoles: ['provider', 'customer'],
    sites: ['Head office', 'Operations centre'],
    leadAssessor: 'Dana Okafor',
    startDate: '2026-10-05',
    endDate: '2026-10-09',
    notes: 'Stage 1 readiness review before the certification audit planned for the first quarter.',
  });
}
