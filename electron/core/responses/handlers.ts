import type { DomainHandlers } from '../handler';
import { listResponses, requirementHistory } from './queries';
import { saveResponse } from './save';

export const responseHandlers: DomainHandlers<'responses'> = {
  'responses.list': (ctx, input) => listResponses(ctx, input.assessmentId),
  'responses.save': (ctx, input) => saveResponse(ctx, input),
  'responses.history': (ctx, input) =>
    requirementHistory(ctx, input.assessmentId, input.requirementId),
};
