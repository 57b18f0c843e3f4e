import type { DomainHandlers } from '../handler';
import { getEngagement, listEngagements } from './queries';
import { createEngagement, deleteEngagement, updateEngagement } from './write';

export const engagementHandlers: DomainHandlers<'engagements'> = {
  'engagements.list': (ctx) => listEngagements(ctx),
  'engagements.get': (ctx, input) => getEngagement(ctx, input.id),
  'engagements.create': (ctx, input) => createEngagement(ctx, input),
  'engagements.update': (ctx, input) => updateEngagement(ctx, input),
  'engagements.delete': (ctx, input) => deleteEngagement(ctx, input.id),
};
