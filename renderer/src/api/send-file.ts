import { INCOMING_CHUNK_BYTES } from '../../../shared/contracts/incoming';
import { api } from './client';

/** Bytes sent so far and the file's size, for a progress bar. */
export type SendProgress = (sent: number, total: number) => void;

function sliceBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Hands a picked file to the main side without a path and without holding it whole in memory:
 * 3 MiB slices through incoming.*, in order, over either transport (browser mode refuses request
 * bodies over 32 MB). Answers the token a consumer command (packs.importIncoming,
 * verify.incoming) takes once. On any failure the transfer is cancelled and nothing is kept.
 */
export async function sendLargeFile(file: File, onProgress?: SendProgress): Promise<string> {
  const { incomingId } = await api().invoke('incoming.begin', {
    // Only shown (the source of an imported pack); the contract bounds it.
    fileName: file.name.slice(0, 255) || 'file',
    size: file.size,
  });
  try {
    onProgress?.(0, file.size);
    for (let offset = 0; offset < file.size; offset += INCOMING_CHUNK_BYTES) {
      const base64 = await sliceBase64(file.slice(offset, offset + INCOMING_CHUNK_BYTES));
      const { received } = await api().invoke('incoming.chunk', { incomingId, offset, base64 });
      onProgress?.(received, file.size);
    }
    return (await api().invoke('incoming.end', { incomingId })).token;
  } catch (error) {
    await api()
      .invoke('incoming.abort', { incomingId })
      .catch(() => undefined);
    throw error;
  }
}
