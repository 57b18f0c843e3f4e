import fs from 'node:fs';
import path from 'node:path';
import { MAX_P12_BYTES, type Identity } from '../../../shared/contracts/identities';
import { assertWritable, type CoreContext } from '../context';
import { CommandFailure, invalid } from '../errors';
import { readIncoming } from '../transfer';
import {
  decodeP12,
  P12Error,
  readCertificate,
  type CertificateFacts,
  type KeyAndCert,
} from '../signing';
import { assertNameFree, checkPassphrase, saveIdentity, type NewIdentity } from './save';

export interface ImportIdentityInput {
  /** The file a page sent with incoming.* (taken once, then deleted). */
  token?: string;
  /** CLI only: the renderer never names paths on this machine. */
  filePath?: string;
  passphrase: string;
  role?: string;
  /** Defaults to the certificate's common name. */
  name?: string;
}

async function importBytes(ctx: CoreContext, input: ImportIdentityInput): Promise<Buffer> {
  if (input.token !== undefined) {
    const bytes = await readIncoming(ctx, input.token, MAX_P12_BYTES, () =>
      invalid('file', 'must be at most 1 MB'),
    );
    if (bytes.length === 0) throw invalid('file', 'is empty');
    return bytes;
  }
  if (input.filePath === undefined) throw invalid('file', 'is required');
  const stat = await fs.promises.stat(input.filePath).catch(() => null);
  if (!stat?.isFile()) throw invalid('filePath', `${path.basename(input.filePath)} is not a file`);
  if (stat.size > MAX_P12_BYTES) throw invalid('filePath', 'must be at most 1 MB');
  return fs.promises.readFile(input.filePath);
}

async function openP12(bytes: Buffer, passphrase: string): Promise<KeyAndCert> {
  try {
    return await decodeP12(bytes, passphrase);
  } catch (error) {
    if (error instanceof P12Error) {
      const field = error.kind === 'passphrase' ? 'passphrase' : 'file';
      throw new CommandFailure('VALIDATION', error.message, {
        issues: [{ path: field, message: error.message }],
      });
    }
    throw error;
  }
}

/** Checks an organisation-issued certificate before we agree to sign with it. */
function checkImported(cert: CertificateFacts, now: Date): void {
  const { notBefore, notAfter } = cert;
  if (now < notBefore)
    throw invalid('file', `the certificate is not valid before ${notBefore.toISOString()}`);
  if (now > notAfter) throw invalid('file', `the certificate expired on ${notAfter.toISOString()}`);
  if (cert.signatureProblem)
    throw invalid('file', 'the certificate must be signed with SHA-256 or stronger');
  if (cert.key.problem) throw invalid('file', cert.key.problem);
}

export async function importIdentity(
  ctx: CoreContext,
  input: ImportIdentityInput,
): Promise<Identity> {
  assertWritable(ctx);
  // The sent file is taken (and deleted) first, so a refused import leaves no key file behind.
  const bytes = await importBytes(ctx, input);
  checkPassphrase(input.passphrase);
  const kc = await openP12(bytes, input.passphrase);
  const cert = readCertificate(kc.chain[0] as Buffer);
  checkImported(cert, new Date(ctx.now()));
  const subject = cert.subject;
  const name = (input.name ?? subject.name).trim();
  if (!name) throw invalid('name', 'the certificate has no common name; give the identity a name');
  if (name.length > 200) throw invalid('name', 'must be at most 200 characters');
  assertNameFree(ctx, name);
  const fields: NewIdentity = {
    name,
    organisation: subject.organisation,
    email: subject.email,
    role: input.role ?? '',
    origin: 'imported',
  };
  // A copy of the organisation's file as it came, so its chain and settings stay intact.
  return saveIdentity(ctx, ctx.newId(), fields, kc, bytes);
}
