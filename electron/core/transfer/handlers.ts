import type { DomainHandlers } from '../handler';
import { abortIncoming, appendIncoming, beginIncoming, finishIncoming } from './incoming';

export const transferHandlers: DomainHandlers<'incoming'> = {
  'incoming.begin': (ctx, input) => beginIncoming(ctx, input),
  'incoming.chunk': (ctx, input) => appendIncoming(ctx, input),
  'incoming.end': (ctx, input) => finishIncoming(ctx, input.incomingId),
  'incoming.abort': (ctx, input) => abortIncoming(ctx, input.incomingId),
};
