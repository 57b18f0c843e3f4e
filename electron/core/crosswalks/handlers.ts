import type { DomainHandlers } from '../handler';
import { crosswalkView } from './view';

export const crosswalkHandlers: DomainHandlers<'crosswalks'> = {
  'crosswalks.get': (ctx, input) => crosswalkView(ctx, input.frameworkId),
};
