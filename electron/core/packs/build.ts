import { createHash } from 'node:crypto';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import {
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type PackManifest,
} from '../../../shared/contracts/packs';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import type { CoreContext } from '../context';
import { flushAlong, flushSoFar, writeStreamAtomicUnique, type FlushAlong } from '../files';
import { exportsDir, progressReporter, slug, type Progress } from '../reports';
import { getAssessment } from '../assessments';
import { listEvidence } from '../evidence';
import { unlockIdentity } from '../identities';
import { signDetached } from '../signing';
import { evidencePath, shouldCompress } from './contents';
import { useNativeCrc32InYazl } from './native-crc';
import { packParts } from './parts';
import { packProgress } from './progress';
import { vaultReadStream } from './vault-read';

// Large files (datasets, model weights, exports) go in stored: deflating a gigabyte costs most of
// a minute for little gain, and the pack must keep pace with a copy.
const LARGE_EVIDENCE_BYTES = 8 * 1024 * 1024;

export interface BuildPackInput {
  assessmentId: string;
  identityId: string;
  passphrase: string;
  omitConfidential: boolean;
  /** CLI only: the exact file to write (a free name next to it if it exists). */
  out?: string;
  taskId?: string;
}

export interface BuiltPack {
  fileName: string;
  path: string;
  bytes: number;
  files: number;
  sha256: string;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The evidence going into the pack, one file per content and name, and where each item lies. */
function packEvidence(ctx: CoreContext, engagementId: string, omitConfidential: boolean) {
  const paths = new Map<string, string>();
  const files = new Map<string, EvidenceItem>();
  for (const item of listEvidence(ctx, { engagementId })) {
    if (omitConfidential && item.classification === 'confidential') continue;
    const p = evidencePath(item);
    paths.set(item.id, p);
    // The same content under the same name twice is one file in the pack.
    if (!files.has(p)) files.set(p, item);
  }
  return { paths, files };
}

/**
 * Builds a signed readiness pack: report (rendered and signed), SoA and risk register (XLSX and
 * CSV), impact assessments, evidence streamed from the vault, the documented-information index,
 * and manifest.json with its detached CMS signature. Written through the atomic writer.
 *
 * Each evidence file is read once, straight into the archive, hashed on the way and refused at
 * its end if the bytes are not the ones the vault recorded. The report renders in its worker
 * meanwhile (the other core); the app's own files, the manifest and its signature follow the
 * evidence in the archive once the report is signed.
 */
export async function buildPack(
  ctx: CoreContext,
  input: BuildPackInput,
  onProgress?: (p: Progress) => void,
): Promise<BuiltPack> {
  useNativeCrc32InYazl();
  const taskId = input.taskId ?? ctx.newId();
  const emit = progressReporter(ctx, taskId, onProgress);
  const assessment = getAssessment(ctx, input.assessmentId);
  // Unlock first: a wrong passphrase fails before anything is rendered or written.
  const identity = await unlockIdentity(ctx, input.identityId, input.passphrase);
  const now = ctx.now();
  const mtime = new Date(now);
  const engagementId = assessment.engagementId;
  const evidence = packEvidence(ctx, engagementId, input.omitConfidential);
  const evidenceBytes = [...evidence.files.values()].reduce((n, e) => n + e.size, 0);
  const progress = packProgress(emit, evidenceBytes);
  const dir = input.out ? path.dirname(path.resolve(input.out)) : exportsDir(ctx.dataDir);
  const wanted = input.out
    ? path.basename(input.out)
    : `${slug(assessment.clientName)}-readiness-pack-${now.slice(0, 10)}.zip`;

  const zip = new yazl.ZipFile();
  const zipHash = createHash('sha256');
  let bytes = 0;
  let files = 0;
  // Any failure (a vault file altered, cut short or gone, the report failing, a full disk) ends
  // the zip stream; the atomic writer then removes its temp file and rejects with the first error.
  const output = zip.outputStream as Readable; // a PassThrough, typed loosely by yazl
  /** Settles once every evidence byte has been read, or the pack failed (at once if none). */
  let evidenceRead = () => undefined as void;
  const evidenceDone = new Promise<void>((resolve) => {
    evidenceRead = resolve;
    if (evidenceBytes === 0) resolve();
  });
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    output.destroy(error);
    // A file cut short never reaches its size: nothing may wait for the rest of the evidence.
    evidenceRead();
  };
  // A failure may come before the sink is piped; the pipeline then reports it (below), so this
  // listener only keeps it from being an uncaught 'error' event.
  output.on('error', () => undefined);
  zip.on('error', fail);
  /**
   * Hashes and counts the archive's bytes on their way to the file, asking along the way for
   * them to be put on the disk; the file is ended only once no such request is in flight.
   */
  const tapInto = (disk: FlushAlong) =>
    new Transform({
      transform(chunk: Buffer, _enc, next) {
        zipHash.update(chunk);
        bytes += chunk.length;
        disk.written(chunk.length);
        next(null, chunk);
      },
      flush(done) {
        void disk.idle().then(() => done());
      },
    });

  let readBytes = 0;
  const onBytes = (n: number) => {
    progress.bytes(n);
    readBytes += n;
    if (readBytes >= evidenceBytes) evidenceRead();
  };
  const addEvidence = () => {
    for (const [p, item] of evidence.files) {
      zip.addReadStreamLazy(
        p,
        {
          mtime,
          size: item.size,
          compress:
            item.size <= LARGE_EVIDENCE_BYTES && shouldCompress(item.originalName, item.mediaType),
        },
        (cb) => {
          progress.entry(p);
          cb(null, vaultReadStream(ctx.dataDir, item, onBytes, fail));
        },
      );
    }
  };
  /** The report, sheets, manifest and signature, once the report is signed; then the end. */
  const addTheRest = async (parts: [string, Buffer][], flushed: Promise<void>) => {
    if (failure) return;
    for (const [p, b] of parts) zip.addBuffer(b, p, { mtime, compress: shouldCompress(p) });
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      assaySpec: assessment.frameworkId,
      assessmentId: assessment.id,
      engagement: { client: assessment.clientName },
      createdAt: now,
      assayVersion: ctx.version,
      omitConfidential: input.omitConfidential,
      signer: { name: identity.name, email: identity.email, fingerprint: identity.fingerprint },
      files: [
        ...parts.map(([p, b]) => ({ path: p, sha256: sha(b), size: b.length })),
        ...[...evidence.files].map(([p, e]) => ({ path: p, sha256: e.sha256, size: e.size })),
      ],
    };
    files = manifest.files.length;
    progress.finishing('Signing the manifest');
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const signature = await signDetached(manifestBytes, identity, mtime);
    await flushed;
    if (failure) return;
    zip.addBuffer(manifestBytes, MANIFEST_PATH, { mtime, compress: true });
    zip.addBuffer(signature, MANIFEST_SIGNATURE_PATH, { mtime, compress: false });
    zip.end();
    progress.finishing('Writing the pack to disk');
  };

  const parts = packParts(
    ctx,
    {
      assessmentId: assessment.id,
      engagementId,
      title: assessment.title,
      clientName: assessment.clientName,
      identity,
      omitConfidential: input.omitConfidential,
      signedAt: mtime,
      evidencePaths: evidence.paths,
    },
    progress,
  );
  // Settled below in every case; this only keeps an early rejection from counting as unhandled.
  parts.catch(() => undefined);
  let fileName: string;
  try {
    fileName = await writeStreamAtomicUnique(dir, wanted, async (sink) => {
      const disk = flushAlong(() => flushSoFar(sink));
      const written = pipeline(output, tapInto(disk), sink).catch((error: unknown) => {
        fail(error instanceof Error ? error : new Error(String(error))); // stops the rest too
        throw error;
      });
      addEvidence(); // only now: nothing is pumped before the sink exists
      const flushed = evidenceDone.then(() => (failure ? undefined : flushSoFar(sink)));
      const finished = parts
        .then((p) => addTheRest(p, flushed))
        .catch((error: unknown) => {
          fail(error instanceof Error ? error : new Error(String(error)));
          throw error;
        });
      // Both are awaited: a failed archive still waits for the report's worker to stop.
      const [archive, rest] = await Promise.allSettled([written, finished]);
      if (archive.status === 'rejected') throw archive.reason;
      if (rest.status === 'rejected') throw rest.reason;
    });
  } catch (error) {
    // The writer may give up before the producer does (its file closed under it): the report's
    // worker is still waited for, so a failed pack leaves no render running behind it.
    await parts.then(
      () => undefined,
      () => undefined,
    );
    throw failure ?? error;
  }
  emit('Pack saved', 1, 1);
  return { fileName, path: path.join(dir, fileName), bytes, files, sha256: zipHash.digest('hex') };
}
