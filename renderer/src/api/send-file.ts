import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { INCOMING_CHUNK_BYTES } from '../../../shared/contracts/incoming';
import { blobToBase64 } from './base64';
import { api } from './client';

/** Bytes sent so far and the file's size, for a progress bar. */
export type SendProgress = (sent: number, total: number) => void;

interface SendOptions {
  onProgress?: SendProgress;
  /** Stops sending; the transfer is cancelled and nothing of it is kept. */
  signal?: AbortSignal;
}

/** One kind of transfer on the main side: how to begin, append to, finish and cancel it. */
interface Lane<Id, Result> {
  begin(): Promise<Id>;
  chunk(id: Id, offset: number, base64: string): Promise<unknown>;
  end(id: Id): Promise<Result>;
  abort(id: Id): Promise<unknown>;
}

/**
 * The one way the renderer hands a file to the main side without a path and without holding it
 * whole in memory: 3 MiB slices (4 MiB as base64, the most a chunk may carry), in order, over
 * either transport (browser mode refuses request bodies over 32 MB). On any failure or abort the
 * transfer is cancelled and nothing is kept.
 */
async function sendInChunks<Id, Result>(
  file: Blob,
  lane: Lane<Id, Result>,
  options: SendOptions = {},
): Promise<Result> {
  const id = await lane.begin();
  try {
    options.onProgress?.(0, file.size);
    for (let offset = 0; offset < file.size; offset += INCOMING_CHUNK_BYTES) {
      if (options.signal?.aborted) throw new Error('The transfer was cancelled; nothing was kept.');
      const base64 = await blobToBase64(file.slice(offset, offset + INCOMING_CHUNK_BYTES));
      await lane.chunk(id, offset, base64);
      options.onProgress?.(Math.min(offset + INCOMING_CHUNK_BYTES, file.size), file.size);
    }
    return await lane.end(id);
  } catch (error) {
    await lane.abort(id).catch(() => undefined);
    throw error;
  }
}

/**
 * Sends a picked file through incoming.* and answers the token a consumer command
 * (packs.importIncoming, verify.incoming, risks.importPreview, identities.import) takes once.
 */
export function sendFile(file: File, options: SendOptions = {}): Promise<string> {
  return sendInChunks(
    file,
    {
      begin: async () =>
        (
          await api().invoke('incoming.begin', {
            // Only shown (the source of an imported pack); the contract bounds it.
            fileName: file.name.slice(0, 255) || 'file',
            size: file.size,
          })
        ).incomingId,
      chunk: (incomingId, offset, base64) =>
        api().invoke('incoming.chunk', { incomingId, offset, base64 }),
      end: async (incomingId) => (await api().invoke('incoming.end', { incomingId })).token,
      abort: (incomingId) => api().invoke('incoming.abort', { incomingId }),
    },
    options,
  );
}

export interface EvidenceUpload {
  engagementId: string;
  requirementId?: string;
  taskId: string;
}

/**
 * Sends a file into the evidence vault through evidence.upload*: the same transfer, but checked
 * (name, engagement, size) before the first byte goes and recorded as it ends. Progress comes
 * as "progress" events for the task id.
 */
export function sendEvidenceFile(
  file: File,
  upload: EvidenceUpload,
  options: SendOptions = {},
): Promise<EvidenceItem> {
  return sendInChunks(
    file,
    {
      begin: async () =>
        (
          await api().invoke('evidence.uploadBegin', {
            engagementId: upload.engagementId,
            fileName: file.name,
            size: file.size,
            taskId: upload.taskId,
            ...(upload.requirementId ? { requirementId: upload.requirementId } : {}),
          })
        ).uploadId,
      chunk: (uploadId, offset, base64) =>
        api().invoke('evidence.uploadChunk', { uploadId, offset, base64 }),
      end: (uploadId) => api().invoke('evidence.uploadEnd', { uploadId }),
      abort: (uploadId) => api().invoke('evidence.uploadAbort', { uploadId }),
    },
    options,
  );
}
