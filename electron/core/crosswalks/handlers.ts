import type { DomainHandlers } from '../handler';
import { crosswalkView } from './view';
import { nistCoverage } from './nist-coverage';

export const crosswalkHandlers: DomainHandlers<'crosswalks'> = {
  'crosswalks.get': (ctx, input) => crosswalkView(ctx, input.frameworkId),
  'crosswalks.nistCoverage': (ctx, input) => nistCoverage(ctx, input.assessmentId),
};
