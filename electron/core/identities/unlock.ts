import type { CoreContext } from '../context';
import { CommandFailure } from '../errors';
import { decodeP12, P12Error, toPem, type KeyAndCert, type UnlockedIdentity } from '../signing';
import { readP12 } from './key-files';
import { identityRow, toIdentity } from './queries';

export const WRONG_PASSPHRASE = 'The passphrase does not open this identity';

/** Opens the key for one operation. The passphrase is neither logged nor kept. */
export async function unlockIdentity(
  ctx: CoreContext,
  idOrName: string,
  passphrase: string,
): Promise<UnlockedIdentity> {
  const row = identityRow(ctx, idOrName);
  let bytes: Buffer;
  try {
    bytes = await readP12(ctx.dataDir, row.p12File);
  } catch {
    throw new CommandFailure(
      'NOT_FOUND',
      `The key file of signing identity "${row.name}" is missing from the data directory.`,
    );
  }
  let kc: KeyAndCert;
  try {
    kc = await decodeP12(bytes, passphrase);
  } catch (error) {
    if (error instanceof P12Error && error.kind === 'passphrase')
      throw new CommandFailure('VALIDATION', WRONG_PASSPHRASE, {
        issues: [{ path: 'passphrase', message: WRONG_PASSPHRASE }],
      });
    throw new CommandFailure('VALIDATION', `The key file of "${row.name}" cannot be read.`);
  }
  return {
    ...toIdentity(row),
    p12: bytes,
    passphrase,
    keyPem: kc.keyPem,
    certPem: kc.chain.map(toPem).join(''),
  };
}
