import { create } from 'zustand';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import type {
  EffectiveEvidenceStatus,
  EvidenceClassification,
} from '../../../shared/rules/evidence-status';
import { api, errorMessage } from '../api/client';
import { filePlatform } from '../platform/files';

export interface EvidenceFilters {
  status?: EffectiveEvidenceStatus;
  requirementId?: string;
  classification?: EvidenceClassification;
  text?: string;
}

export interface Upload {
  taskId: string;
  name: string;
  size: number;
  done: number;
  state: 'waiting' | 'sending' | 'done' | 'failed' | 'cancelled';
  message?: string;
  requirementId?: string;
}

interface EvidenceState {
  engagementId: string | null;
  filters: EvidenceFilters;
  items: EvidenceItem[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  uploads: Upload[];
  /** Rises whenever evidence changes, so panels elsewhere (the interview) reload. */
  version: number;
  setEngagement(id: string | null): void;
  setFilters(filters: EvidenceFilters): void;
  load(): Promise<void>;
  send(files: File[], engagementId: string, requirementId?: string): Promise<void>;
  cancel(taskId: string): Promise<void>;
  clearFinished(): void;
  changed(): void;
}

/** Re-hashes every vault file and says what is missing, altered or unreferenced. */
export const checkEvidenceFiles = () => api().invoke('evidence.check', {});

const controllers = new Map<string, AbortController>();
let unsubscribe: (() => void) | null = null;

const newTaskId = () =>
  `up-${typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Math.random().toString(36).slice(2)}`;

export const useEvidence = create<EvidenceState>((set, get) => {
  const patch = (taskId: string, change: Partial<Upload>) =>
    set({ uploads: get().uploads.map((u) => (u.taskId === taskId ? { ...u, ...change } : u)) });

  function listenForProgress() {
    if (unsubscribe) return;
    unsubscribe = api().on('progress', (p) => {
      if (get().uploads.some((u) => u.taskId === p.taskId && u.state === 'sending'))
        patch(p.taskId, { done: p.done });
    });
  }

  return {
    engagementId: null,
    filters: {},
    items: [],
    status: 'idle',
    error: null,
    uploads: [],
    version: 0,
    setEngagement(id) {
      set({ engagementId: id, items: [], status: 'idle', filters: {} });
      if (id) void get().load();
    },
    setFilters(filters) {
      set({ filters });
      void get().load();
    },
    async load() {
      const engagementId = get().engagementId;
      if (!engagementId) return;
      set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
      try {
        const f = get().filters;
        const items = await api().invoke('evidence.list', {
          engagementId,
          ...(f.status ? { status: f.status } : {}),
          ...(f.requirementId ? { requirementId: f.requirementId } : {}),
          ...(f.classification ? { classification: f.classification } : {}),
          ...(f.text?.trim() ? { text: f.text.trim() } : {}),
        });
        if (get().engagementId === engagementId) set({ items, status: 'ready' });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },
    async send(files, engagementId, requirementId) {
      listenForProgress();
      const queued: Upload[] = files.map((f) => ({
        taskId: newTaskId(),
        name: f.name,
        size: f.size,
        done: 0,
        state: 'waiting',
        requirementId,
      }));
      set({ uploads: [...get().uploads, ...queued] });
      // One file at a time: the disk is the bottleneck, and each keeps its own bar and Cancel.
      for (const [i, upload] of queued.entries()) {
        const file = files[i];
        const current = get().uploads.find((u) => u.taskId === upload.taskId);
        if (!file || current?.state !== 'waiting') continue;
        const controller = new AbortController();
        controllers.set(upload.taskId, controller);
        patch(upload.taskId, { state: 'sending' });
        try {
          await filePlatform().sendFile(file, {
            engagementId,
            requirementId,
            taskId: upload.taskId,
            signal: controller.signal,
          });
          patch(upload.taskId, { state: 'done', done: upload.size });
          get().changed();
        } catch (error) {
          const cancelled = controller.signal.aborted;
          patch(upload.taskId, {
            state: cancelled ? 'cancelled' : 'failed',
            message: cancelled ? 'Cancelled; nothing was kept.' : errorMessage(error),
          });
        } finally {
          controllers.delete(upload.taskId);
        }
      }
    },
    async cancel(taskId) {
      const upload = get().uploads.find((u) => u.taskId === taskId);
      if (upload?.state === 'waiting') {
        patch(taskId, { state: 'cancelled', message: 'Cancelled before it started.' });
        return;
      }
      controllers.get(taskId)?.abort();
      await api()
        .invoke('evidence.cancelImport', { taskId })
        .catch(() => undefined);
    },
    clearFinished() {
      set({ uploads: get().uploads.filter((u) => u.state === 'waiting' || u.state === 'sending') });
    },
    changed() {
      set({ version: get().version + 1 });
      void get().load();
    },
  };
});

/** Reads an item's stored bytes in chunks (both transports carry JSON), up to `limit` bytes. */
export async function readEvidenceBytes(
  item: EvidenceItem,
  limit = 200 * 1024 * 1024,
): Promise<Blob> {
  if (item.size > limit) {
    throw new Error(
      `The file is ${Math.round(item.size / 1048576)} MB; previews stop at ${Math.round(limit / 1048576)} MB.`,
    );
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const CHUNK = 4 * 1024 * 1024;
  for (let offset = 0; offset < item.size; offset += CHUNK) {
    const chunk = await api().invoke('evidence.readChunk', { id: item.id, offset, length: CHUNK });
    const binary = atob(chunk.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
  }
  return new Blob(parts, { type: item.mediaType });
}
