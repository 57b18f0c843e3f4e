import type { DomainHandlers } from '../handler';
import {
  createEngagement,
  deleteEngagement,
  getEngagement,
  listEngagements,
  updateEngagement,
} from './engagements';

export const engagementHandlers: DomainHandlers<'engagements'> = {
  'engagements.list': (ctx) => listEngagements(ctx),
  'engagements.get': (ctx, input) => getEngagement(ctx, input.id),
  'engagements.create': (ctx, input) => createEngagement(ctx, input),
  'engagements.update': (ctx, input) => updateEngagement(ctx, input),
  'engagements.delete': (ctx, input) => deleteEngagement(ctx, input.id),
};
