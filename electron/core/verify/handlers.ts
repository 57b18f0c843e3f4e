import type { DomainHandlers } from '../handler';
import { verifyIncoming } from './incoming';

export const verifyHandlers: DomainHandlers<'verify'> = {
  'verify.incoming': (ctx, input) => verifyIncoming(ctx, input),
};
