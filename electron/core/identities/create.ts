import type { Identity } from '../../../shared/contracts/identities';
import { assertWritable, type CoreContext } from '../context';
import { invalid } from '../errors';
import { createSelfSigned, encodeP12, type KeyType } from '../signing';
import { assertNameFree, checkPassphrase, saveIdentity, type NewIdentity } from './save';

export interface CreateIdentityInput {
  name: string;
  organisation: string;
  email: string;
  role: string;
  passphrase: string;
  /** RSA-3072 unless ECDSA P-256 is asked for. */
  keyType?: KeyType;
}

export async function createIdentity(
  ctx: CoreContext,
  input: CreateIdentityInput,
): Promise<Identity> {
  assertWritable(ctx);
  checkPassphrase(input.passphrase);
  if (!input.name.trim()) throw invalid('name', 'is required');
  if (!/^[^\s@]+@[^\s@]+$/.test(input.email)) throw invalid('email', 'must be an email address');
  assertNameFree(ctx, input.name);
  const id = ctx.newId();
  const kc = await createSelfSigned(input, new Date(ctx.now()), input.keyType ?? 'rsa-3072');
  const p12 = await encodeP12(kc, input.passphrase, input.name);
  // Fields named one by one: the passphrase must never reach the row, the audit or the reply.
  const fields: NewIdentity = {
    name: input.name,
    organisation: input.organisation,
    email: input.email,
    role: input.role,
    origin: 'created',
  };
  return saveIdentity(ctx, id, fields, kc, p12);
}
