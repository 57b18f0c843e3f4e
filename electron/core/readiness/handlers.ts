import type { DomainHandlers } from '../handler';
import { readinessOf } from './gather';

export const readinessHandlers: DomainHandlers<'readiness'> = {
  'readiness.get': (ctx, input) => readinessOf(ctx, input.assessmentId),
};
