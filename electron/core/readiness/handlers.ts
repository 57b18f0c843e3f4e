import type { DomainHandlers } from '../handler';
import { checksOf, riskChecks } from './consistency';
import { readinessOf } from './gather';

export const readinessHandlers: DomainHandlers<'readiness'> = {
  'readiness.get': (ctx, input) => readinessOf(ctx, input.assessmentId),
  'readiness.checks': (ctx, input) => checksOf(ctx, input.assessmentId, input.ref),
  'readiness.riskChecks': (ctx, input) => riskChecks(ctx, input.riskId),
};
