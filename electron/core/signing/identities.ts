import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { audit, inTransaction, type CoreContext } from '../context';
import { CommandFailure, conflict, invalid, notFound } from '../errors';
import {
  createSelfSigned,
  decodeP12,
  encodeP12,
  fingerprintOf,
  keyBits,
  P12Error,
  STRONG_CERT_SIGNATURES,
  subjectOf,
  toDer,
  type KeyAndCert,
} from './p12';
import { readP12, removeP12, writeP12Atomically } from './store';
import type { SignerIdentity, UnlockedIdentity } from './types';

export const MIN_PASSPHRASE = 8;
export const MAX_P12_BYTES = 1024 * 1024;
export const WRONG_PASSPHRASE = 'The passphrase does not open this identity';

export interface IdentityRecord extends SignerIdentity {
  keyAlgorithm: string;
  origin: 'created' | 'imported';
  createdAt: string;
}

interface Row extends Omit<IdentityRecord, 'origin'> {
  origin: string;
  p12File: string;
}

const SELECT = `SELECT id, name, organisation, email, role, key_algorithm AS keyAlgorithm,
  cert_fingerprint AS fingerprint, p12_file AS p12File, not_before AS notBefore, not_after AS notAfter,
  origin, created_at AS createdAt FROM signing_identities`;

function toRecord(row: Row): IdentityRecord {
  const { p12File: _file, ...rest } = row;
  return { ...rest, origin: row.origin === 'imported' ? 'imported' : 'created' };
}

export function listIdentities(ctx: CoreContext): IdentityRecord[] {
  const rows = ctx.store.sqlite
    .prepare(`${SELECT} ORDER BY name COLLATE NOCASE, id`)
    .all() as Row[];
  return rows.map(toRecord);
}

function findRow(ctx: CoreContext, idOrName: string): Row {
  const row = ctx.store.sqlite
    .prepare(`${SELECT} WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1`)
    .get(idOrName, idOrName, idOrName) as Row | undefined;
  if (!row) throw notFound('Signing identity', idOrName.slice(0, 200));
  return row;
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE)
    throw invalid('passphrase', `must be at least ${MIN_PASSPHRASE} characters`);
}

function assertNameFree(ctx: CoreContext, name: string): void {
  const taken = ctx.store.sqlite
    .prepare('SELECT 1 FROM signing_identities WHERE name = ?')
    .get(name);
  if (taken)
    throw conflict(`A signing identity named "${name}" already exists; choose another name.`);
}

interface NewIdentity {
  name: string;
  organisation: string;
  email: string;
  role: string;
  origin: 'created' | 'imported';
}

/**
 * File first, then the row and its audit entry in one transaction; if the row cannot be written
 * the file is removed again, so there is never a row without its key nor a key without its row.
 */
async function store(
  ctx: CoreContext,
  id: string,
  fields: NewIdentity,
  kc: KeyAndCert,
  p12: Buffer,
): Promise<IdentityRecord> {
  const now = ctx.now();
  const p12File = `${id}.p12`;
  const record: IdentityRecord = {
    id,
    name: fields.name,
    organisation: fields.organisation,
    email: fields.email,
    role: fields.role,
    origin: fields.origin,
    keyAlgorithm: `RSA-${keyBits(kc.key)}`,
    fingerprint: fingerprintOf(toDer(kc.cert)),
    notBefore: kc.cert.validity.notBefore.toISOString(),
    notAfter: kc.cert.validity.notAfter.toISOString(),
    createdAt: now,
  };
  await writeP12Atomically(ctx.dataDir, p12File, p12);
  try {
    inTransaction(ctx, () => {
      assertNameFree(ctx, fields.name);
      ctx.store.sqlite
        .prepare(
          `INSERT INTO signing_identities (id, name, organisation, email, role, key_algorithm, cert_fingerprint,
             p12_file, not_before, not_after, origin, created_at)
           VALUES (@id, @name, @organisation, @email, @role, @keyAlgorithm, @fingerprint, @p12File,
             @notBefore, @notAfter, @origin, @createdAt)`,
        )
        .run({ ...record, p12File });
      // The passphrase is deliberately absent: it is never stored anywhere.
      audit(ctx, now, {
        action: `identity.${fields.origin === 'created' ? 'create' : 'import'}`,
        entityType: 'signing_identity',
        entityId: id,
        after: { ...record, p12File },
      });
    });
  } catch (error) {
    await removeP12(ctx.dataDir, p12File);
    throw error;
  }
  return record;
}

export interface CreateIdentityInput {
  name: string;
  organisation: string;
  email: string;
  role: string;
  passphrase: string;
}

export async function createIdentity(
  ctx: CoreContext,
  input: CreateIdentityInput,
): Promise<IdentityRecord> {
  checkPassphrase(input.passphrase);
  if (!input.name.trim()) throw invalid('name', 'is required');
  if (!/^[^\s@]+@[^\s@]+$/.test(input.email)) throw invalid('email', 'must be an email address');
  assertNameFree(ctx, input.name);
  const id = ctx.newId();
  const kc = createSelfSigned(input, new Date(ctx.now()));
  const p12 = encodeP12(kc, input.passphrase, input.name);
  // Fields named one by one: the passphrase must never reach the row, the audit or the reply.
  const fields: NewIdentity = {
    name: input.name,
    organisation: input.organisation,
    email: input.email,
    role: input.role,
    origin: 'created',
  };
  return store(ctx, id, fields, kc, p12);
}

export interface ImportIdentityInput {
  fileBase64?: string;
  /** CLI only: the renderer never names paths on this machine. */
  filePath?: string;
  passphrase: string;
  role?: string;
  /** Defaults to the certificate's common name. */
  name?: string;
}

async function importBytes(input: ImportIdentityInput): Promise<Buffer> {
  if (input.fileBase64 !== undefined) {
    const bytes = Buffer.from(input.fileBase64, 'base64');
    if (bytes.length === 0) throw invalid('fileBase64', 'is empty or not base64');
    if (bytes.length > MAX_P12_BYTES) throw invalid('fileBase64', 'must be at most 1 MB');
    return bytes;
  }
  if (input.filePath === undefined) throw invalid('fileBase64', 'is required');
  const stat = await fs.promises.stat(input.filePath).catch(() => null);
  if (!stat?.isFile()) throw invalid('filePath', `${path.basename(input.filePath)} is not a file`);
  if (stat.size > MAX_P12_BYTES) throw invalid('filePath', 'must be at most 1 MB');
  return fs.promises.readFile(input.filePath);
}

function openP12(bytes: Buffer, passphrase: string): KeyAndCert {
  try {
    return decodeP12(bytes, passphrase);
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
function checkImported(kc: KeyAndCert, now: Date): void {
  const { notBefore, notAfter } = kc.cert.validity;
  if (now < notBefore)
    throw invalid('file', `the certificate is not valid before ${notBefore.toISOString()}`);
  if (now > notAfter) throw invalid('file', `the certificate expired on ${notAfter.toISOString()}`);
  if (!STRONG_CERT_SIGNATURES.has(kc.cert.siginfo.algorithmOid))
    throw invalid('file', 'the certificate must be signed with SHA-256 or stronger');
  if (keyBits(kc.key) < 2048) throw invalid('file', 'the key must be RSA with at least 2048 bits');
}

export async function importIdentity(
  ctx: CoreContext,
  input: ImportIdentityInput,
): Promise<IdentityRecord> {
  checkPassphrase(input.passphrase);
  const bytes = await importBytes(input);
  const kc = openP12(bytes, input.passphrase);
  checkImported(kc, new Date(ctx.now()));
  const subject = subjectOf(kc.cert);
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
  return store(ctx, ctx.newId(), fields, kc, bytes);
}

export async function deleteIdentity(ctx: CoreContext, id: string): Promise<{ ok: true }> {
  const now = ctx.now();
  const row = inTransaction(ctx, () => {
    const before = findRow(ctx, id);
    if (before.id !== id) throw notFound('Signing identity', id);
    ctx.store.sqlite.prepare('DELETE FROM signing_identities WHERE id = ?').run(id);
    audit(ctx, now, {
      action: 'identity.delete',
      entityType: 'signing_identity',
      entityId: id,
      before,
    });
    return before;
  });
  // After the commit: a crash in between leaves an unreferenced file, never a row without a key.
  await removeP12(ctx.dataDir, row.p12File);
  return { ok: true };
}

/** Opens the key for one operation. The passphrase is neither logged nor kept. */
export async function unlockIdentity(
  ctx: CoreContext,
  idOrName: string,
  passphrase: string,
): Promise<UnlockedIdentity> {
  const row = findRow(ctx, idOrName);
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
    kc = decodeP12(bytes, passphrase);
  } catch (error) {
    if (error instanceof P12Error && error.kind === 'passphrase')
      throw new CommandFailure('VALIDATION', WRONG_PASSPHRASE, {
        issues: [{ path: 'passphrase', message: WRONG_PASSPHRASE }],
      });
    throw new CommandFailure('VALIDATION', `The key file of "${row.name}" cannot be read.`);
  }
  return {
    ...toRecord(row),
    p12: bytes,
    passphrase,
    keyPem: forge.pki.privateKeyToPem(kc.key),
    certPem: kc.chain.map((c) => forge.pki.certificateToPem(c)).join(''),
  };
}
