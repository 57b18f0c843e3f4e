import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertWritable, audit, inTransaction, type CoreContext } from '../context';
import { CommandFailure, notFound } from '../errors';
import { flushAlong } from '../files';
import { resolveObject } from '../evidence';
import { unlockIdentity } from '../identities';
import { signDetached } from '../signing';
import { buildChangeSet, noteIssued, type ChangeSet } from '../sync';
import { ChunkWriter } from './chunks';
import {
  deriveKey,
  FORMAT_VERSION,
  FRAME,
  frameHead,
  headerSchema,
  headerDigest,
  KDF,
  keyCheckOf,
  MAGIC,
  signedText,
  UNSIGNED_PAYLOAD,
  type ExchangeHeader,
} from './format';
import { ExchangeRefused } from './errors';

export interface ExchangeProgress {
  phase: 'preparing' | 'writing' | 'reading' | 'applying';
  done: number;
  total: number;
}

export interface ExportOptions {
  engagementId: string;
  out: string;
  passphrase: string;
  /** Sign with this identity (id or name) and its passphrase. */
  identity?: { id: string; passphrase: string } | null;
  includeEvidence: boolean;
  onProgress?: (p: ExchangeProgress) => void;
  signal?: AbortSignal;
}

export interface ExportResult {
  path: string;
  bytes: number;
  changes: number;
  evidenceFiles: number;
  evidenceBytes: number;
  signer: { name: string; fingerprint: string } | null;
}

export const MIN_PASSPHRASE = 8;

function catalogsOf(ctx: CoreContext, engagementId: string): ExchangeHeader['catalogs'] {
  const rows: unknown = ctx.store.sqlite
    .prepare(
      `SELECT DISTINCT f.id AS frameworkId, f.catalog_revision AS revision FROM assessments a
         JOIN frameworks f ON f.id = a.framework_id WHERE a.engagement_id = ? ORDER BY f.id`,
    )
    .all(engagementId);
  return headerSchema.shape.catalogs.parse(rows);
}

const cancelled = () =>
  new ExchangeRefused('CANCELLED', 'The export was cancelled; no file was written.');

/**
 * Writes one engagement — its change log, audit rows and (unless left out) evidence files — as an
 * encrypted, optionally signed `.assayx` file: to `<out>.part`, synced, then renamed, so a file
 * with the final name is always whole. Evidence is streamed from the vault; nothing holds it whole.
 */
export async function exportExchange(
  ctx: CoreContext,
  options: ExportOptions,
): Promise<ExportResult> {
  // The export is recorded in the audit trail: a damaged (read-only) store is refused first.
  assertWritable(ctx);
  const exists = ctx.store.sqlite
    .prepare('SELECT 1 FROM engagements WHERE id = ?')
    .get(options.engagementId);
  if (!exists) throw notFound('Engagement', options.engagementId);
  if (options.passphrase.length < MIN_PASSPHRASE) {
    throw new CommandFailure(
      'VALIDATION',
      `The passphrase must have at least ${MIN_PASSPHRASE} characters.`,
    );
  }
  const target = path.resolve(options.out);
  if (fs.existsSync(target))
    throw new CommandFailure('CONFLICT', `${target} exists already; choose another name.`);
  const identity = options.identity
    ? await unlockIdentity(ctx, options.identity.id, options.identity.passphrase)
    : null;
  const check = () => {
    if (options.signal?.aborted) throw cancelled();
  };
  const salt = randomBytes(16).toString('base64');
  const kdf = { name: 'scrypt' as const, ...KDF, salt };
  // The key is worked out on the thread pool (half a second of scrypt) while the change set is
  // read here: neither waits for the other.
  const deriving = deriveKey(options.passphrase, kdf);
  deriving.catch(() => undefined);
  const set: ChangeSet = buildChangeSet(ctx.store.sqlite, options.engagementId);
  // From here this directory's changes may be elsewhere: a restored older store must not reuse them.
  await noteIssued(ctx.store.sqlite, ctx.dataDir);
  const blobs = options.includeEvidence
    ? set.blobs.map((b) => ({ ...b, file: resolveObject(ctx.dataDir, b.sha256) }))
    : [];
  const evidenceBytes = blobs.reduce((n, b) => n + b.size, 0);
  options.onProgress?.({ phase: 'preparing', done: 0, total: evidenceBytes });
  const key = await deriving;
  const header: ExchangeHeader = {
    format: 'assayx',
    version: FORMAT_VERSION,
    assay: ctx.version,
    createdAt: ctx.now(),
    engagementId: options.engagementId,
    sender: set.replica,
    versionVector: set.versionVector,
    catalogs: catalogsOf(ctx, options.engagementId),
    evidence: { included: options.includeEvidence, files: blobs.length, bytes: evidenceBytes },
    kdf,
    keyCheck: keyCheckOf(key),
    signer: identity ? { name: identity.name, fingerprint: identity.fingerprint } : null,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const digest = headerDigest(headerBytes);
  const part = `${target}.part`;
  const fh = await fs.promises.open(part, 'wx', 0o600);
  // What is written goes to the disk while the rest is encrypted (see flushAlong).
  const disk = flushAlong(() => fh.datasync());
  let done = false;
  try {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length);
    await fh.write(Buffer.concat([MAGIC, length, headerBytes]));
    const writer = new ChunkWriter(fh, key, digest, check, identity !== null);
    const setBytes = Buffer.from(JSON.stringify(set), 'utf8');
    await writer.write(frameHead(FRAME.changeSet, setBytes.length));
    await writer.write(setBytes);
    let sent = 0;
    for (const blob of blobs) {
      await writer.write(frameHead(FRAME.blob, 32 + blob.size));
      await writer.write(Buffer.from(blob.sha256, 'hex'));
      let read = 0;
      for await (const piece of fs.createReadStream(blob.file, { highWaterMark: 1024 * 1024 })) {
        const buffer = Buffer.isBuffer(piece) ? piece : Buffer.from(String(piece));
        read += buffer.length;
        if (read > blob.size) break;
        await writer.write(buffer);
        sent += buffer.length;
        disk.written(buffer.length);
        options.onProgress?.({ phase: 'writing', done: sent, total: evidenceBytes });
      }
      if (read !== blob.size) {
        throw new CommandFailure(
          'VALIDATION',
          `The stored file ${blob.sha256.slice(0, 12)}… changed size in the vault; run "Check evidence files".`,
        );
      }
    }
    // The payload is every frame before the end frame (its head included in neither side's hash).
    const payloadSha256 = identity ? writer.payload.digest('hex') : UNSIGNED_PAYLOAD;
    writer.hashing = false;
    const signature = identity
      ? await signDetached(signedText(digest, payloadSha256), identity)
      : null;
    const end = Buffer.from(
      JSON.stringify({ payloadSha256, signature: signature ? signature.toString('base64') : null }),
      'utf8',
    );
    await writer.write(frameHead(FRAME.end, end.length));
    await writer.write(end);
    await writer.finish();
    await disk.idle();
    await fh.sync();
    await fh.close();
    done = true;
    await fs.promises.rename(part, target);
    inTransaction(ctx, () =>
      audit(ctx, ctx.now(), {
        action: 'exchange.export',
        entityType: 'engagement',
        entityId: options.engagementId,
        scopeId: options.engagementId,
        after: {
          file: path.basename(target),
          changes: set.changes.length,
          evidenceFiles: blobs.length,
          signer: header.signer,
        },
      }),
    );
    return {
      path: target,
      bytes: MAGIC.length + 4 + headerBytes.length + writer.written,
      changes: set.changes.length,
      evidenceFiles: blobs.length,
      evidenceBytes,
      signer: header.signer,
    };
  } finally {
    if (!done) {
      await disk.idle();
      await fh.close().catch(() => undefined);
      await fs.promises.rm(part, { force: true });
    }
  }
}
