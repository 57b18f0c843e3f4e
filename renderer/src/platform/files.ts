import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { CommandError } from '../../../shared/contracts/envelope';
import { api } from '../api/client';
import { upload } from '../api/http-transport';
import { sendEvidenceFile } from '../api/send-file';

export interface UploadRequest {
  engagementId: string;
  requirementId?: string;
  taskId: string;
  signal?: AbortSignal;
}

/**
 * What differs between the desktop app and a browser for files. A browser hands us File
 * objects (no paths) which we stream to /api/upload; the desktop app opens the system dialog on
 * the main side, so the renderer never sees or sends a path.
 */
export interface FilePlatform {
  /** Files dropped or picked in the page can be sent (browser mode). */
  canSendFiles: boolean;
  /** The system open dialog is available (desktop app). */
  hasNativeDialog: boolean;
  sendFile(file: File, request: UploadRequest): Promise<EvidenceItem>;
  importWithDialog(engagementId: string, requirementId?: string): Promise<EvidenceItem[]>;
  /** Saves a copy of bytes the renderer has read from the vault under a suggested name. */
  saveCopy(bytes: Blob, suggestedName: string): Promise<void>;
}

function downloadBlob(bytes: Blob, name: string): void {
  const url = URL.createObjectURL(bytes);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const browserPlatform: FilePlatform = {
  canSendFiles: true,
  hasNativeDialog: false,
  async sendFile(file, request) {
    const result = await upload(
      file,
      {
        engagementId: request.engagementId,
        requirementId: request.requirementId,
        fileName: file.name,
        size: file.size,
        taskId: request.taskId,
      },
      request.signal,
    );
    if (!result.ok) throw new CommandError(result.error);
    return result.value as EvidenceItem;
  },
  importWithDialog() {
    return Promise.reject(new Error('The system file dialog exists only in the desktop app.'));
  },
  async saveCopy(bytes, name) {
    downloadBlob(bytes, name);
  },
};

const desktopPlatform: FilePlatform = {
  // A sandboxed page has no file paths, and the main side trusts none from it: dropped or picked
  // files travel as ordered chunks into the same streaming import (evidence.upload*).
  canSendFiles: true,
  hasNativeDialog: true,
  sendFile: (file, request) =>
    sendEvidenceFile(
      file,
      {
        engagementId: request.engagementId,
        requirementId: request.requirementId,
        taskId: request.taskId,
      },
      { signal: request.signal },
    ),
  async importWithDialog(engagementId, requirementId) {
    const result = await api().invoke('evidence.importFromDialog', {
      engagementId,
      ...(requirementId ? { requirementId } : {}),
    });
    return result.imported;
  },
  // A save dialog on the main side comes later; until then the copy downloads like in a browser.
  async saveCopy(bytes, name) {
    downloadBlob(bytes, name);
  },
};

export function filePlatform(): FilePlatform {
  return api().transport === 'ipc' ? desktopPlatform : browserPlatform;
}
