import type { SignatureCheckResult } from '../../../shared/contracts/identities';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { withIncoming } from '../transfer';
import { assessTrust, trustAnchors } from '../trust';
import { checkSignedFile, NotSignedFile, signatureResult } from './check-file';

/**
 * verify.incoming: the renderer hands the file over with incoming.* (never a path); it is checked
 * as the CLI checks it (checkSignedFile) and judged against this data directory's trusted
 * signers. The received file is deleted afterwards, whatever the outcome.
 */
export function verifyIncoming(
  ctx: CoreContext,
  input: { token: string; fileName: string },
): Promise<SignatureCheckResult> {
  return withIncoming(ctx, input.token, async (file) => {
    try {
      const checked = await checkSignedFile(file, input.fileName);
      return signatureResult(checked, assessTrust(checked.check, trustAnchors(ctx)));
    } catch (error) {
      if (error instanceof NotSignedFile) throw invalid('fileName', error.message);
      throw error;
    }
  });
}
