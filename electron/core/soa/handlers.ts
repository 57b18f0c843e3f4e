import type { DomainHandlers } from '../handler';
import { acceptSoaSuggestions, listSoa, saveSoaEntry } from './soa';

export const soaHandlers: DomainHandlers<'soa'> = {
  'soa.list': (ctx, input) => listSoa(ctx, input.assessmentId),
  'soa.save': (ctx, input) => saveSoaEntry(ctx, input),
  'soa.acceptSuggestions': (ctx, input) => acceptSoaSuggestions(ctx, input.assessmentId),
};
