import type { TrustAssessment } from '../../../shared/contracts/trust';
import { CommandFailure } from '../errors';

export type RefusalReason =
  | 'NOT_EXCHANGE'
  | 'NEWER'
  | 'WRONG_PASSPHRASE'
  | 'TAMPERED'
  | 'TRUNCATED'
  | 'CATALOG'
  | 'UNTRUSTED'
  | 'FOREIGN'
  | 'MISSING'
  | 'CANCELLED';

/** An exchange file this directory will not take; nothing has been changed. */
export class ExchangeRefused extends CommandFailure {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly trust: TrustAssessment | null = null,
  ) {
    super(
      reason === 'CANCELLED' ? 'UNAVAILABLE' : reason === 'UNTRUSTED' ? 'FORBIDDEN' : 'VALIDATION',
      message,
    );
  }
}
