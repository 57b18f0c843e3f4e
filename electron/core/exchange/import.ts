import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TrustAssessment } from '../../../shared/contracts/trust';
import { assertWritable, type CoreContext } from '../context';
import { objectPath, vaultDirs } from '../evidence';
import { verifyDetached } from '../signing';
import {
  applyChangeSet,
  openConflicts,
  readChangeSet,
  SyncRefusal,
  type ApplyReport,
  type ChangeSet,
} from '../sync';
import { assessTrust, trustAnchors } from '../trust';
import { PlainReader, readHeaderBytes } from './chunks';
import { IO_BATCH, writeAll } from './io';
import { ExchangeRefused } from './errors';
import type { ExchangeProgress } from './export';
import {
  deriveKey,
  endSchema,
  FORMAT_VERSION,
  FRAME,
  FRAME_HEAD,
  headerDigest,
  headerSchema,
  kdfAcceptable,
  keyCheckOf,
  signedText,
  UNSIGNED_PAYLOAD,
  type ExchangeHeader,
} from './format';

export interface ImportOptions {
  passphrase: string;
  dryRun?: boolean;
  /** Take a file whose signer is not trusted here (after checking the fingerprint). */
  acceptSigner?: boolean;
  onProgress?: (p: ExchangeProgress) => void;
  signal?: AbortSignal;
}

export interface ImportResult extends ApplyReport {
  signer: { name: string; fingerprint: string; trust: TrustAssessment } | null;
  evidence: { inFile: number; newFiles: number; alreadyHere: number; notIncluded: number };
  /** Conflicts of this engagement still open after the import. */
  openConflicts: number;
}

interface Incoming {
  sha256: string;
  /** Not in this vault before: written (or, in a dry run, would be). */
  fresh: boolean;
  temp: string | null;
  /**
   * The temp file's fsync (then close), left running while the next evidence file streams in;
   * awaited before any object takes its name in the vault.
   */
  durable: Promise<void>;
}

function json(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ExchangeRefused('TAMPERED', 'A part of the file is not what Assay writes.');
  }
}

function parseHeader(bytes: Buffer): ExchangeHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ExchangeRefused('TAMPERED', 'The file header is damaged.');
  }
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? raw.version : null;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw new ExchangeRefused(
      'NEWER',
      `This exchange file was made by a newer Assay (format ${version}); update Assay to read it.`,
    );
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new ExchangeRefused('TAMPERED', 'The file header is damaged.');
  if (!kdfAcceptable(parsed.data.kdf))
    throw new ExchangeRefused('TAMPERED', 'The file asks for key settings Assay does not accept.');
  return parsed.data;
}

/** Refused unless every catalog revision the file's assessments were made with is here too. */
function checkCatalogs(ctx: CoreContext, header: ExchangeHeader): void {
  const here = ctx.store.sqlite
    .prepare('SELECT catalog_revision FROM frameworks WHERE id = ?')
    .pluck();
  for (const { frameworkId, revision } of header.catalogs) {
    const found: unknown = here.get(frameworkId);
    const local = typeof found === 'number' ? found : undefined;
    if (local === undefined || local < revision) {
      throw new ExchangeRefused(
        'CATALOG',
        local === undefined
          ? `The file's assessments use the catalog "${frameworkId}", which this data directory does not have; import it first.`
          : `The file's assessments use revision ${revision} of "${frameworkId}"; this data directory has revision ${local}. Update Assay first.`,
      );
    }
  }
}

/** Receives one evidence object: hashed as it streams, kept in vault/tmp until all is checked. */
async function receiveBlob(
  ctx: CoreContext,
  reader: PlainReader,
  length: number,
  dryRun: boolean,
): Promise<Incoming> {
  const sha256 = (await reader.read(32)).toString('hex');
  const size = length - 32;
  const hash = createHash('sha256');
  const present = fs.existsSync(objectPath(ctx.dataDir, sha256));
  let temp: string | null = null;
  let fh: fs.promises.FileHandle | null = null;
  if (!present && !dryRun) {
    fs.mkdirSync(vaultDirs(ctx.dataDir).tmp, { recursive: true });
    temp = path.join(vaultDirs(ctx.dataDir).tmp, `exchange-${ctx.newId()}`);
    fh = await fs.promises.open(temp, 'wx', 0o600);
  }
  // One batch on its way to the disk while the next is decrypted and hashed.
  let writing: Promise<void> = Promise.resolve();
  let batch: Buffer[] = [];
  let batched = 0;
  const flush = async (file: fs.promises.FileHandle) => {
    await writing;
    writing = writeAll(file, batch).then(() => undefined);
    writing.catch(() => undefined);
    batch = [];
    batched = 0;
  };
  try {
    await reader.pipe(size, async (part) => {
      hash.update(part);
      if (!fh) return;
      batch.push(part);
      batched += part.length;
      if (batched >= IO_BATCH) await flush(fh);
    });
    if (fh && batched > 0) await flush(fh);
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    await fh?.close();
    if (temp) await fs.promises.rm(temp, { force: true });
    throw error;
  }
  if (hash.digest('hex') !== sha256) {
    await fh?.close();
    if (temp) await fs.promises.rm(temp, { force: true });
    throw new ExchangeRefused(
      'TAMPERED',
      `An evidence file in the exchange file does not match its SHA-256 (${sha256.slice(0, 12)}…).`,
    );
  }
  const durable = fh ? syncAndClose(fh) : Promise.resolve();
  // Awaited by the import (before renaming, and before removing temps on a refusal).
  durable.catch(() => undefined);
  return { sha256, fresh: !present, temp, durable };
}

async function syncAndClose(fh: fs.promises.FileHandle): Promise<void> {
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function checkSignature(
  ctx: CoreContext,
  header: ExchangeHeader,
  digest: Buffer,
  end: { payloadSha256: string; signature: string | null },
  acceptSigner: boolean,
): Promise<ImportResult['signer']> {
  if (!end.signature) {
    if (header.signer)
      throw new ExchangeRefused('TAMPERED', 'The file says it is signed but carries no signature.');
    return null;
  }
  const check = await verifyDetached(
    signedText(digest, end.payloadSha256),
    Buffer.from(end.signature, 'base64'),
  );
  const trust = assessTrust(check, trustAnchors(ctx), { dataDirHint: ctx.dataDir });
  const fingerprint = check.signerCertificate?.fingerprint ?? '';
  if (
    trust.verdict === 'altered' ||
    trust.verdict === 'unreadable' ||
    !header.signer ||
    header.signer.fingerprint !== fingerprint
  ) {
    throw new ExchangeRefused(
      'TAMPERED',
      `The file's signature does not hold: ${check.problems[0] ?? trust.reason}`,
    );
  }
  if (trust.verdict !== 'trusted' && !acceptSigner) {
    throw new ExchangeRefused(
      'UNTRUSTED',
      `The file is intact but its signer is not trusted here: ${trust.reason}`,
      trust,
    );
  }
  return { name: check.signer?.name ?? header.signer.name, fingerprint, trust };
}

/**
 * Reads, decrypts and checks the whole file first (passphrase, every chunk, every evidence hash,
 * the signature and its trust), then renames the new evidence objects into the vault and applies
 * the change set in one transaction. Any refusal leaves the store as it was: evidence still in
 * vault/tmp is removed (and swept at the next start after a kill); renamed objects that no row
 * names are released by the same sweep.
 */
export async function importExchange(
  ctx: CoreContext,
  file: string,
  options: ImportOptions,
): Promise<ImportResult> {
  // A damaged store takes nothing: refused before a byte lands in the vault.
  if (!options.dryRun) assertWritable(ctx);
  const fh = await fs.promises.open(file, 'r');
  const received: Incoming[] = [];
  try {
    const { header: headerBytes, start } = await readHeaderBytes(fh);
    const header = parseHeader(headerBytes);
    checkCatalogs(ctx, header);
    const key = await deriveKey(options.passphrase, header.kdf);
    if (keyCheckOf(key) !== header.keyCheck) {
      throw new ExchangeRefused('WRONG_PASSPHRASE', 'The passphrase does not open this file.');
    }
    const digest = headerDigest(headerBytes);
    const { size } = await fh.stat();
    const reader = new PlainReader(
      fh,
      start,
      size,
      key,
      digest,
      header.signer !== null,
      (position) => {
        if (options.signal?.aborted)
          throw new ExchangeRefused('CANCELLED', 'The import was cancelled; nothing was changed.');
        options.onProgress?.({ phase: 'reading', done: position, total: size });
      },
    );
    let set: ChangeSet | null = null;
    let end: { payloadSha256: string; signature: string | null } | null = null;
    while (!end) {
      // The payload hash as it stands before this frame: the end frame's own head is not in it.
      const before = reader.payload.copy();
      const head = await reader.read(FRAME_HEAD);
      const kind = head[0];
      const length = Number(head.readBigUInt64BE(1));
      if (kind === FRAME.changeSet && !set) {
        if (length > 2 ** 31)
          throw new ExchangeRefused('TAMPERED', 'The change set is larger than any Assay writes.');
        const parsed = readChangeSet(json(await reader.read(length)));
        if (
          !parsed ||
          parsed.engagementId !== header.engagementId ||
          parsed.replica !== header.sender
        ) {
          throw new ExchangeRefused(
            'TAMPERED',
            'The change set in the file is not what its header announces.',
          );
        }
        set = parsed;
      } else if (kind === FRAME.blob && set && length >= 32) {
        received.push(await receiveBlob(ctx, reader, length, options.dryRun === true));
      } else if (kind === FRAME.end && set) {
        const payloadSha256 = header.signer ? before.digest('hex') : UNSIGNED_PAYLOAD;
        reader.hashing = false;
        const parsed = endSchema.safeParse(json(await reader.read(length)));
        if (!parsed.success || parsed.data.payloadSha256 !== payloadSha256) {
          throw new ExchangeRefused('TAMPERED', 'The file does not match its own checksum.');
        }
        end = parsed.data;
      } else throw new ExchangeRefused('TAMPERED', 'The file holds a frame Assay does not know.');
    }
    await reader.expectEnd();
    // The last moment to stop: after this the new evidence is renamed in and the merge commits.
    if (options.signal?.aborted) {
      throw new ExchangeRefused('CANCELLED', 'The import was cancelled; nothing was changed.');
    }
    const signer = await checkSignature(ctx, header, digest, end, options.acceptSigner === true);
    const changeSet = set!;
    const inFile = new Set(received.map((r) => r.sha256));
    // Every new object is on the disk before any takes its name (a failed fsync refuses here).
    await Promise.all(received.map((blob) => blob.durable));
    if (!options.dryRun) {
      for (const blob of received) {
        if (!blob.temp) continue;
        const target = objectPath(ctx.dataDir, blob.sha256);
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        await fs.promises.rename(blob.temp, target);
        blob.temp = null;
      }
    }
    options.onProgress?.({ phase: 'applying', done: size, total: size });
    let report: ApplyReport;
    try {
      report = applyChangeSet(ctx.store.sqlite, changeSet, {
        actor: ctx.actor(),
        now: ctx.now(),
        newId: () => ctx.newId(),
        dryRun: options.dryRun === true,
      });
    } catch (error) {
      if (error instanceof SyncRefusal) throw new ExchangeRefused(error.code, error.message);
      throw error;
    }
    const stillOpen = openConflicts(ctx.store.sqlite, changeSet.engagementId).length;
    const newFiles = received.filter((r) => r.fresh).length;
    return {
      ...report,
      signer,
      evidence: {
        inFile: received.length,
        newFiles,
        alreadyHere: received.length - newFiles,
        notIncluded: changeSet.blobs.filter((b) => !inFile.has(b.sha256)).length,
      },
      openConflicts: stillOpen,
    };
  } finally {
    await fh.close();
    // A temp file is removed only once its fsync is over and it is closed.
    await Promise.allSettled(received.map((blob) => blob.durable));
    for (const blob of received) if (blob.temp) await fs.promises.rm(blob.temp, { force: true });
  }
}
