import type { DomainHandlers } from '../handler';
import { listSoa } from './queries';
import { acceptSoaSuggestions, saveSoaEntry } from './write';

export const soaHandlers: DomainHandlers<'soa'> = {
  'soa.list': (ctx, input) => listSoa(ctx, input.assessmentId),
  'soa.save': (ctx, input) => saveSoaEntry(ctx, input),
  'soa.acceptSuggestions': (ctx, input) => acceptSoaSuggestions(ctx, input.assessmentId),
};
