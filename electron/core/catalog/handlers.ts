import type { DomainHandlers } from '../handler';
import { getCatalog, listFrameworks } from '../services/catalog';

export const catalogHandlers: DomainHandlers<'catalog'> = {
  'catalog.frameworks': (ctx) => listFrameworks(ctx),
  'catalog.get': (ctx, input) => getCatalog(ctx, input.frameworkId),
};
