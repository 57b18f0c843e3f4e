import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import type { CoreContext } from '../context';
import { CommandFailure, invalid, notFound } from '../errors';
import { importStream, preflight } from './import';

/**
 * File contents sent as numbered chunks through ordinary commands: how the desktop app imports
 * dropped files (a sandboxed page has no paths, and the main side trusts none from it). The
 * chunks feed the same streaming import as the CLI, the dialog and browser uploads, so memory
 * stays flat and the atomic order (temp, fsync, rename, then rows) is the same.
 */
interface Upload {
  ctx: CoreContext;
  stream: PassThrough;
  done: Promise<EvidenceItem>;
  received: number;
  size: number;
  timer: NodeJS.Timeout;
}

const IDLE_MS = 10 * 60 * 1000;
const uploads = new Map<string, Upload>();

function touch(id: string, upload: Upload): void {
  clearTimeout(upload.timer);
  // An upload the page abandoned (closed, crashed) is dropped; nothing of it is kept.
  upload.timer = setTimeout(() => abortUpload(id), IDLE_MS);
  upload.timer.unref();
}

export function beginUpload(
  ctx: CoreContext,
  input: {
    engagementId: string;
    fileName: string;
    size: number;
    requirementId?: string;
    taskId?: string;
  },
): { uploadId: string } {
  preflight(ctx, { ...input, expectedSize: input.size });
  const id = ctx.newId();
  const stream = new PassThrough({ highWaterMark: 8 * 1024 * 1024 });
  // A cancelled import destroys its source; a late chunk must not become an unhandled 'error'.
  stream.on('error', () => undefined);
  const done = importStream(ctx, stream, { ...input, expectedSize: input.size });
  // The import's own failure is reported when the page ends or sends the next chunk.
  done.catch(() => undefined);
  const upload: Upload = {
    ctx,
    stream,
    done,
    received: 0,
    size: input.size,
    timer: setTimeout(() => undefined, 0),
  };
  uploads.set(id, upload);
  touch(id, upload);
  return { uploadId: id };
}

function find(id: string): Upload {
  const upload = uploads.get(id);
  if (!upload) throw notFound('Upload', id);
  return upload;
}

export async function sendChunk(input: {
  uploadId: string;
  offset: number;
  base64: string;
}): Promise<{ received: number }> {
  const upload = find(input.uploadId);
  if (upload.stream.destroyed) {
    uploads.delete(input.uploadId);
    clearTimeout(upload.timer);
    await upload.done;
    throw new CommandFailure('CONFLICT', 'The upload was cancelled; nothing was kept.');
  }
  if (input.offset !== upload.received) {
    throw invalid(
      'offset',
      `expected ${upload.received}, got ${input.offset}; chunks must arrive in order`,
    );
  }
  const bytes = Buffer.from(input.base64, 'base64');
  if (upload.received + bytes.length > upload.size) {
    abortUpload(input.uploadId);
    throw invalid('base64', 'more bytes than the declared size; the upload was cancelled');
  }
  upload.received += bytes.length;
  touch(input.uploadId, upload);
  if (!upload.stream.write(bytes)) {
    await Promise.race([
      once(upload.stream, 'drain'),
      upload.done.then(
        () => undefined,
        () => undefined,
      ),
    ]);
  }
  return { received: upload.received };
}

export async function endUpload(uploadId: string): Promise<EvidenceItem> {
  const upload = find(uploadId);
  uploads.delete(uploadId);
  clearTimeout(upload.timer);
  upload.stream.end();
  return upload.done;
}

export function abortUpload(uploadId: string): { ok: true } {
  const upload = uploads.get(uploadId);
  if (upload) {
    uploads.delete(uploadId);
    clearTimeout(upload.timer);
    upload.stream.destroy(
      new CommandFailure('CONFLICT', 'The upload was cancelled; nothing was kept.'),
    );
  }
  return { ok: true };
}
