import type { DomainHandlers } from '../handler';
import { readinessOf } from './readiness';

export const readinessHandlers: DomainHandlers<'readiness'> = {
  'readiness.get': (ctx, input) => readinessOf(ctx, input.assessmentId),
};
