import type { DomainHandlers } from '../handler';
import { verifyIncoming } from '../signing/verify-file';

export const verifyHandlers: DomainHandlers<'verify'> = {
  'verify.incoming': (ctx, input) => verifyIncoming(ctx, input),
};
