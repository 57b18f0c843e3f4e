import type { DomainHandlers } from '../handler';
import { requireEngagement } from '../engagements';
import { compileInputs } from './inputs';
import { listReviews } from './queries';
import { saveReview } from './write';

export const managementReviewHandlers: DomainHandlers<'managementReviews'> = {
  'managementReviews.list': (ctx, input) => {
    requireEngagement(ctx, input.engagementId);
    return listReviews(ctx, input.engagementId);
  },
  'managementReviews.inputs': (ctx, input) => {
    requireEngagement(ctx, input.engagementId);
    return compileInputs(ctx, input.engagementId);
  },
  'managementReviews.save': (ctx, input) => saveReview(ctx, input),
};
