import type { EvidenceItem } from '../../../shared/contracts/evidence';
import type { CoreContext } from '../context';
import { progressReporter, type ReportProgress } from '../tasks';
import { transferKind } from '../transfer';
import { preflight } from './import';
import { cancelledMessage, storeReceived, type ImportOptions } from './store';
import { ensureVault, vaultDirs } from './vault-paths';

/**
 * Files a page sends (dropped in the desktop app, or streamed in browser mode): a sandboxed page
 * has no paths, and the main side trusts none from it. The bytes come through the one inbound
 * transfer straight into vault/tmp, hashed as they land, then are stored like any import.
 */
interface Upload {
  options: ImportOptions;
  taskId: string;
  signal: AbortSignal;
  report: ReportProgress;
}

const uploadKind = transferKind<Upload>({
  what: 'Upload',
  noun: 'upload',
  idField: 'uploadId',
  cancelled: cancelledMessage,
});

export interface UploadStart {
  engagementId: string;
  fileName: string;
  size: number;
  requirementId?: string;
  taskId?: string;
}

/** Everything is checked before the first byte is sent: a bad name or engagement, an empty file. */
export async function beginUpload(
  ctx: CoreContext,
  input: UploadStart,
): Promise<{ uploadId: string }> {
  const { size, ...rest } = input;
  const fileName = preflight(ctx, { ...rest, expectedSize: size });
  const taskId = input.taskId ?? ctx.newId();
  const signal = ctx.tasks.start(taskId);
  try {
    ensureVault(ctx.dataDir);
    const report = progressReporter(ctx.events, taskId, fileName, size);
    const options: ImportOptions = { ...rest, fileName, expectedSize: size, taskId };
    const uploadId = await ctx.transfers.inbound.begin(
      uploadKind,
      { options, taskId, signal, report },
      {
        dir: vaultDirs(ctx.dataDir).tmp,
        size,
        label: `"${fileName}"`,
        signal,
        onProgress: (received) => report(received),
        onDrop: () => ctx.tasks.end(taskId),
      },
    );
    report(0, true);
    return { uploadId };
  } catch (error) {
    ctx.tasks.end(taskId);
    throw error;
  }
}

export function sendChunk(
  ctx: CoreContext,
  uploadId: string,
  offset: number,
  bytes: Buffer,
): Promise<{ received: number }> {
  return ctx.transfers.inbound.chunk(uploadKind, uploadId, offset, bytes);
}

export async function endUpload(ctx: CoreContext, uploadId: string): Promise<EvidenceItem> {
  const { received, meta } = await ctx.transfers.inbound.finish(uploadKind, uploadId);
  try {
    return await storeReceived(ctx, received, meta.options, meta.signal, meta.report);
  } finally {
    ctx.tasks.end(meta.taskId);
  }
}

export async function abortUpload(ctx: CoreContext, uploadId: string): Promise<{ ok: true }> {
  await ctx.transfers.inbound.abort(uploadKind, uploadId);
  return { ok: true };
}

/**
 * Cancels an import or upload by its task id. An upload's bytes are gone when this answers; a
 * streamed import (CLI, dialog) stops at its next piece and removes its temp file itself.
 */
export async function cancelImport(
  ctx: CoreContext,
  taskId: string,
): Promise<{ ok: true; cancelled: boolean }> {
  const cancelled = ctx.tasks.cancel(taskId);
  await ctx.transfers.inbound.settled();
  return { ok: true, cancelled };
}
