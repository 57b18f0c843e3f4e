import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  type ImportedPack,
  type PackManifest,
} from '../../../shared/contracts/packs';
import { audit, inTransaction, type CoreContext } from '../context';
import type { TrustAssessment } from '../../../shared/contracts/trust';
import { CommandFailure } from '../errors';
import { assessTrust, trustAnchors } from '../trust';
import { verifyDetached } from '../signing';
import { fsyncDir, writeFileAtomic } from '../files';
import { ensureRoomFor } from './archive-safety';
import { IMPORT_NOTE, type ImportNote } from './note';
import { zipSource, type PackSource } from './source';
import { verifyPack } from './verify';

export function packsDir(dataDir: string): string {
  return path.join(dataDir, 'packs');
}

/**
 * An intact pack whose signer this data directory does not trust: refused unless the person
 * accepts it after seeing the verdict (app: "Import anyway"; CLI: --accept-untrusted).
 */
export class PackUntrusted extends CommandFailure {
  constructor(readonly trust: TrustAssessment) {
    super(
      'CONFLICT',
      `The pack is intact, but its signer is not trusted here, so it was not imported. ${trust.reason} Import it anyway only if you recognise the fingerprint ${trust.fingerprint ?? ''}.`,
      { trust },
    );
  }
}

export class PackRefused extends CommandFailure {
  constructor(readonly problems: string[]) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    super(
      'VALIDATION',
      `The pack was refused and nothing was written: ${problems[0] ?? 'it is not valid'}${more}`,
      {
        problems,
      },
    );
  }
}

/** Streams one entry to `dest` (read-only, fsynced), hashing it on the way. */
async function extractOne(source: PackSource, name: string, dest: string): Promise<string> {
  await fs.promises.mkdir(path.dirname(dest), { recursive: true });
  const hash = createHash('sha256');
  const handle = await fs.promises.open(dest, 'wx', 0o444);
  try {
    const stream = await source.stream(name);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

function target(root: string, name: string): string {
  const dest = path.resolve(root, ...name.split('/'));
  // Already refused by the archive checks; checked again because this is where it would hurt.
  if (!dest.startsWith(root + path.sep))
    throw new PackRefused([`${name} would land outside the pack folder.`]);
  return dest;
}

/** Extracts what was verified, comparing each file again with the manifest as it is written. */
async function extractAll(
  zip: string | Buffer,
  staging: string,
  manifest: PackManifest,
  manifestSha: string,
  signerFingerprint: string,
): Promise<void> {
  const source = await zipSource(zip);
  try {
    const total = source.files().reduce((sum, f) => sum + f.size, 0);
    await ensureRoomFor(total, staging).catch((error: unknown) => {
      throw new PackRefused([error instanceof Error ? error.message : String(error)]);
    });
    for (const file of manifest.files) {
      const got = await extractOne(source, file.path, target(staging, file.path));
      if (got !== file.sha256)
        throw new PackRefused([`${file.path} changed while it was being imported.`]);
    }
    const m = await extractOne(source, MANIFEST_PATH, target(staging, MANIFEST_PATH));
    if (m !== manifestSha)
      throw new PackRefused(['manifest.json changed while it was being imported.']);
    await extractOne(source, MANIFEST_SIGNATURE_PATH, target(staging, MANIFEST_SIGNATURE_PATH));
    const again = await verifyDetached(
      await fs.promises.readFile(path.join(staging, MANIFEST_PATH)),
      await fs.promises.readFile(path.join(staging, MANIFEST_SIGNATURE_PATH)),
    );
    // Same signer as the one the trust decision was about, not merely a valid one.
    if (!again.valid || again.signer?.fingerprint !== signerFingerprint)
      throw new PackRefused(['The manifest signature changed while it was being imported.']);
  } finally {
    source.close();
  }
}

async function syncTree(dir: string): Promise<void> {
  for (const d of await fs.promises.readdir(dir, { withFileTypes: true }))
    if (d.isDirectory()) await syncTree(path.join(dir, d.name));
  await fsyncDir(dir);
}

/**
 * importPack: verify everything first (verifyPack), extract into packs/staging-<id>/, rename to
 * packs/<assessmentId>-<date>/ only when all of it checked out, then record an audit row. The
 * pack stays a read-only bundle; nothing of it is merged into this data directory's assessments.
 */
export async function importPack(
  ctx: CoreContext,
  zip: string | Buffer,
  options: { sourceName?: string; acceptUntrusted?: boolean } = {},
): Promise<ImportedPack> {
  const verification = await verifyPack(zip);
  if (
    !verification.valid ||
    !verification.manifest ||
    !verification.manifestSha256 ||
    !verification.signer
  )
    throw new PackRefused(verification.problems);
  const trust = assessTrust(verification, trustAnchors(ctx));
  if (trust.verdict !== 'trusted' && !options.acceptUntrusted) throw new PackUntrusted(trust);
  const signerFingerprint = verification.signer.fingerprint;
  const manifest = verification.manifest;
  const manifestSha = verification.manifestSha256;
  const root = packsDir(ctx.dataDir);
  const createdRoot = !fs.existsSync(root);
  await fs.promises.mkdir(root, { recursive: true });
  const staging = path.join(root, `staging-${ctx.newId()}`);
  const now = ctx.now();
  const sourceName = (
    options.sourceName ?? (typeof zip === 'string' ? path.basename(zip) : 'pack.zip')
  ).slice(0, 255);
  let final: string | null = null;
  try {
    await fs.promises.mkdir(staging);
    await extractAll(zip, staging, manifest, manifestSha, signerFingerprint);
    const note: ImportNote = {
      importedAt: now,
      importedBy: ctx.actor(),
      sourceName,
      manifestSha256: manifestSha,
      bytes: manifest.files.reduce((n, f) => n + f.size, 0),
      check: {
        valid: true,
        problems: [],
        signedAt: verification.signedAt,
        checkedAt: verification.checkedAt,
        signer: verification.signer,
      },
    };
    const notePath = path.join(staging, IMPORT_NOTE);
    await writeFileAtomic(notePath, `${JSON.stringify(note, null, 2)}\n`);
    // Read-only once written (the writer reopens its temp file to fsync it, so not before).
    await fs.promises.chmod(notePath, 0o444);
    await syncTree(staging);
    const base = `${manifest.assessmentId}-${now.slice(0, 10)}`;
    let id = base;
    for (let n = 2; fs.existsSync(path.join(root, id)); n += 1) id = `${base}-${n}`;
    final = path.join(root, id);
    await fs.promises.rename(staging, final);
    await fsyncDir(root);
    const pack = summary(id, manifest, note);
    inTransaction(ctx, () =>
      audit(ctx, now, {
        action: 'packs.import',
        entityType: 'readiness_pack',
        entityId: id,
        scopeId: manifest.assessmentId,
        after: {
          ...pack,
          manifestSha256: manifestSha,
          trust: trust.verdict,
          trustedBy: trust.trustedBy,
        },
      }),
    );
    return pack;
  } catch (error) {
    await fs.promises.rm(final ?? staging, { recursive: true, force: true });
    if (createdRoot) await fs.promises.rmdir(root).catch(() => undefined);
    throw error;
  }
}

export function summary(id: string, manifest: PackManifest, note: ImportNote): ImportedPack {
  return {
    id,
    assessmentId: manifest.assessmentId,
    client: manifest.engagement.client,
    createdAt: manifest.createdAt,
    importedAt: note.importedAt,
    importedBy: note.importedBy,
    sourceName: note.sourceName,
    signer: manifest.signer,
    files: manifest.files.length,
    bytes: note.bytes,
    valid: note.check.valid,
  };
}
