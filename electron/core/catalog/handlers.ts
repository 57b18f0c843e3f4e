import type { DomainHandlers } from '../handler';
import { getCatalog, listFrameworks } from './views';

export const catalogHandlers: DomainHandlers<'catalog'> = {
  'catalog.frameworks': (ctx) => listFrameworks(ctx),
  'catalog.get': (ctx, input) => getCatalog(ctx, input.frameworkId),
};
