import type { DomainHandlers } from '../handler';
import { compareAssessments } from './compare';
import { readinessTrend } from './trend';

export const comparisonHandlers: DomainHandlers<'comparison'> = {
  'comparison.compare': (ctx, input) => compareAssessments(ctx, input.a, input.b),
  'comparison.trend': (ctx, input) => readinessTrend(ctx, input.engagementId),
};
