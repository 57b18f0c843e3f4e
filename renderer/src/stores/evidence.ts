import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contracts';
import type {
  EvidenceDetail,
  EvidenceItem,
  EvidenceMetadataInput,
  LinkInput,
} from '../../../shared/contracts/evidence';
import type {
  EffectiveEvidenceStatus,
  EvidenceClassification,
} from '../../../shared/rules/evidence-status';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { readInChunks } from '../api/read-file';
import { filePlatform } from '../platform/files';
import { newestWins } from './newest';

export interface EvidenceFilters {
  status?: EffectiveEvidenceStatus;
  requirementId?: string;
  classification?: EvidenceClassification;
  text?: string;
}

/** What an item is linked to: exactly one of a requirement, a finding or a risk. */
export type LinkTarget = Omit<LinkInput, 'evidenceId'>;

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
  /** Desktop app only: the system dialog picks files, which are stored (and linked) at once. */
  importWithDialog(engagementId: string, requirementId?: string): Promise<void>;
  saveDetails(id: string, details: EvidenceMetadataInput): Promise<EvidenceDetail>;
  link(evidenceId: string, target: LinkTarget): Promise<EvidenceDetail>;
  unlink(evidenceId: string, target: LinkTarget): Promise<EvidenceDetail>;
  remove(id: string): Promise<void>;
  changed(): void;
}

/** One item with its links, read afresh for its drawer. */
export const fetchEvidence = (id: string) => api().invoke('evidence.get', { id });

/** Items of an engagement matching a filter (a finding's, a risk's), read afresh for one panel. */
export const fetchEvidenceList = (input: CommandInput<'evidence.list'>) =>
  api().invoke('evidence.list', input);

export const fetchRequirementEvidence = (engagementId: string, requirementId: string) =>
  api().invoke('evidence.forRequirement', { engagementId, requirementId });

export const fetchEvidencePreview = (id: string) => api().invoke('evidence.preview', { id });

/** Per requirement: what to ask the client for and what already came in. */
export const fetchRequestList = (engagementId: string) =>
  api().invoke('evidence.requestList', { engagementId });

export const requestListCsv = (engagementId: string) =>
  api().invoke('evidence.requestListCsv', { engagementId });

/** Only the desktop app can hand a vault copy to the system's application. */
export const canOpenExternally = () => api().transport === 'ipc';

/** Opens a read-only copy with the system's application; runnable types need `confirmed`. */
export const openExternally = (id: string, confirmed: boolean) =>
  api().invoke('evidence.openExternal', { id, confirmed });

/** Re-hashes every vault file and says what is missing, altered or unreferenced. */
export const checkEvidenceFiles = () => api().invoke('evidence.check', {});

/** Loads of the list: only the newest (engagement and filters as they are now) may land. */
const listLoads = newestWins();

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
      listLoads.forget();
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
      const current = listLoads.start();
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
        if (current()) set({ items, status: 'ready' });
      } catch (error) {
        if (current()) set({ status: 'error', error: errorMessage(error) });
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
    async importWithDialog(engagementId, requirementId) {
      await filePlatform().importWithDialog(engagementId, requirementId);
      get().changed();
    },
    async saveDetails(id, details) {
      const saved = await api().invoke('evidence.update', { id, ...details });
      get().changed();
      return saved;
    },
    async link(evidenceId, target) {
      const linked = await api().invoke('evidence.link', { evidenceId, ...target });
      get().changed();
      return linked;
    },
    async unlink(evidenceId, target) {
      const unlinked = await api().invoke('evidence.unlink', { evidenceId, ...target });
      get().changed();
      return unlinked;
    },
    async remove(id) {
      await api().invoke('evidence.delete', { id });
      get().changed();
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
  return readInChunks(
    (offset, length) => api().invoke('evidence.readChunk', { id: item.id, offset, length }),
    item.mediaType,
  );
}
