import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import {
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  REPORT_PATH,
  type PackManifest,
} from '../../../shared/contracts/packs';
import type { CoreContext } from '../context';
import { CommandFailure } from '../errors';
import { writeStreamAtomicUnique } from '../files';
import {
  exportsDir,
  progressReporter,
  renderReport,
  signerShown,
  slug,
  type Progress,
} from '../reports';
import { getAssessment } from '../assessments';
import { listDocuments } from '../documented-information';
import { listEvidence, resolveObject } from '../evidence';
import { listImpactAssessments } from '../impact-assessments';
import { listRisks, risksToCsv, risksToXlsx } from '../risks';
import { listSoa } from '../soa';
import { unlockIdentity } from '../identities';
import { signDetached, signPdf } from '../signing';

const LARGE_EVIDENCE_BYTES = 8 * 1024 * 1024;
import {
  documentIndexCsv,
  evidencePath,
  impactCsv,
  PACK_PATHS,
  shouldCompress,
  soaCsv,
  soaXlsx,
} from './contents';

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

const damagedMessage = (label: string) =>
  `The stored file of evidence "${label}" does not match its hash (changed, cut short or missing); run "Check evidence files". No pack was written.`;

/** A vault read that failed becomes a refusal that names the evidence. */
function damagedEvidence(label: string, cause: unknown): CommandFailure {
  if (cause instanceof CommandFailure && cause.code === 'CONFLICT') return cause;
  return new CommandFailure('CONFLICT', damagedMessage(label));
}

/** Checks every byte it streams from the vault against the object's name (its SHA-256). */
function hashingStream(expected: string, label: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (hash.digest('hex') === expected) return done();
      done(new CommandFailure('CONFLICT', damagedMessage(label)));
    },
  });
}

/**
 * Builds a signed readiness pack: report (rendered and signed), SoA and risk register (XLSX and
 * CSV), impact assessments, evidence streamed from the vault, the documented-information index,
 * and manifest.json with its detached CMS signature. Written through the atomic writer.
 */
export async function buildPack(
  ctx: CoreContext,
  input: BuildPackInput,
  onProgress?: (p: Progress) => void,
): Promise<BuiltPack> {
  const taskId = input.taskId ?? ctx.newId();
  const emit = progressReporter(ctx, taskId, onProgress);
  const assessment = getAssessment(ctx, input.assessmentId);
  // Unlock first: a wrong passphrase fails before seconds of rendering.
  const identity = await unlockIdentity(ctx, input.identityId, input.passphrase);
  const now = ctx.now();
  const mtime = new Date(now);
  const rendered = await renderReport(
    ctx,
    {
      assessmentId: input.assessmentId,
      kind: 'full',
      draft: false,
      signer: signerShown(identity),
      omitConfidential: input.omitConfidential,
      taskId,
    },
    onProgress,
  );
  emit('Signing the report', 0, 1);
  const pdf = await signPdf(rendered.pdf, identity, {
    reason: `Certification-readiness pack — ${assessment.title}`,
    signedAt: mtime,
  });

  const engagementId = assessment.engagementId;
  const soa = listSoa(ctx, input.assessmentId);
  const risks = listRisks(ctx, engagementId);
  const impacts = listImpactAssessments(ctx, { engagementId });
  const evidence = listEvidence(ctx, { engagementId }).filter(
    (e) => !(input.omitConfidential && e.classification === 'confidential'),
  );
  const evidencePaths = new Map<string, string>();
  const evidenceFiles = new Map<string, (typeof evidence)[number]>();
  for (const item of evidence) {
    const p = evidencePath(item);
    evidencePaths.set(item.id, p);
    // The same content under the same name twice is one file in the pack.
    if (!evidenceFiles.has(p)) evidenceFiles.set(p, item);
  }
  const generated: [string, Buffer][] = [
    [REPORT_PATH, pdf],
    [PACK_PATHS.soaXlsx, await soaXlsx(soa, assessment.clientName)],
    [PACK_PATHS.soaCsv, Buffer.from(soaCsv(soa))],
    [PACK_PATHS.risksXlsx, await risksToXlsx(risks, 'AI risk register')],
    [PACK_PATHS.risksCsv, Buffer.from(risksToCsv(risks))],
    [PACK_PATHS.impactCsv, Buffer.from(impactCsv(impacts))],
    [PACK_PATHS.impactJson, Buffer.from(`${JSON.stringify(impacts, null, 2)}\n`)],
    [
      PACK_PATHS.documentIndex,
      Buffer.from(
        documentIndexCsv(ctx, engagementId, listDocuments(ctx, input.assessmentId), evidencePaths),
      ),
    ],
  ];
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
      ...generated.map(([p, b]) => ({ path: p, sha256: sha(b), size: b.length })),
      ...[...evidenceFiles].map(([p, e]) => ({ path: p, sha256: e.sha256, size: e.size })),
    ],
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const signature = await signDetached(manifestBytes, identity, mtime);

  const dir = input.out ? path.dirname(path.resolve(input.out)) : exportsDir(ctx.dataDir);
  const wanted = input.out
    ? path.basename(input.out)
    : `${slug(assessment.clientName)}-readiness-pack-${now.slice(0, 10)}.zip`;
  const total = manifest.files.length + 2;
  let done = 0;
  const zip = new yazl.ZipFile();
  const zipHash = createHash('sha256');
  let bytes = 0;
  // Any failure (a vault file altered, cut short or gone, a full disk) ends the zip stream; the
  // atomic writer then removes its temp file and rejects with that first error.
  const output = zip.outputStream as Readable; // a PassThrough, typed loosely by yazl
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    output.destroy(error);
  };
  // A failure may come before the sink is piped; the pipeline then reports it (below), so this
  // listener only keeps it from being an uncaught 'error' event.
  output.on('error', () => undefined);
  zip.on('error', fail);
  const tap = new Transform({
    transform(chunk: Buffer, _enc, next) {
      zipHash.update(chunk);
      bytes += chunk.length;
      next(null, chunk);
    },
  });
  const addEntries = () => {
    for (const [p, b] of generated) {
      zip.addBuffer(b, p, { mtime, compress: shouldCompress(p) });
      emit(`Adding ${p}`, (done += 1), total);
    }
    for (const [p, item] of evidenceFiles) {
      zip.addReadStreamLazy(
        p,
        {
          mtime,
          size: item.size,
          // Large files (datasets, model weights, exports) go in stored: deflating a gigabyte
          // costs most of a minute for little gain, and the pack must keep pace with a copy.
          compress:
            item.size <= LARGE_EVIDENCE_BYTES && shouldCompress(item.originalName, item.mediaType),
        },
        (cb) => {
          emit(`Adding ${p}`, (done += 1), total);
          try {
            const source = fs.createReadStream(resolveObject(ctx.dataDir, item.sha256));
            const check = hashingStream(item.sha256, item.title);
            source.on('error', (e) => fail(damagedEvidence(item.title, e)));
            check.on('error', fail);
            cb(null, source.pipe(check));
          } catch (error) {
            fail(damagedEvidence(item.title, error));
          }
        },
      );
    }
    zip.addBuffer(manifestBytes, MANIFEST_PATH, { mtime, compress: true });
    zip.addBuffer(signature, MANIFEST_SIGNATURE_PATH, { mtime, compress: false });
    zip.end();
  };
  let fileName: string;
  try {
    fileName = await writeStreamAtomicUnique(dir, wanted, async (sink) => {
      addEntries(); // only now: nothing is pumped before the sink exists
      await pipeline(output, tap, sink);
    });
  } catch (error) {
    throw failure ?? error;
  }
  emit('Pack saved', total, total);
  return {
    fileName,
    path: path.join(dir, fileName),
    bytes,
    files: manifest.files.length,
    sha256: zipHash.digest('hex'),
  };
}
