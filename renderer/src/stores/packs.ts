import { create } from 'zustand';
import type { CommandOutput } from '../../../shared/contracts';
import { CommandError } from '../../../shared/contracts/envelope';
import type { ImportedPack } from '../../../shared/contracts/packs';
import { trustAssessmentSchema, type TrustAssessment } from '../../../shared/contracts/trust';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { readInChunks } from '../api/read-file';
import { sendFile } from '../api/send-file';
import { loadList, type ListState } from './lists';
import { newestWins } from './newest';

/** The verdict the main side attaches when it holds back a pack whose signer is not trusted. */
function untrustedVerdict(error: unknown): TrustAssessment | null {
  if (!(error instanceof CommandError) || error.code !== 'CONFLICT') return null;
  const parsed = trustAssessmentSchema.safeParse(error.details?.trust);
  return parsed.success && parsed.data.verdict === 'untrusted' ? parsed.data : null;
}

type Exported = CommandOutput<'packs.export'>;
type PackDetail = CommandOutput<'packs.get'>;
type Progress = { label: string; done: number; total: number };

export const downloadExport = (fileName: string) =>
  readInChunks(
    (offset, length) => api().invoke('packs.readChunk', { fileName, offset, length }),
    'application/zip',
  );

export const readPackFile = (id: string, path: string, type: string) =>
  readInChunks(
    (offset, length) => api().invoke('packs.readFile', { id, path, offset, length }),
    type,
  );

interface PackExportState {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: Progress | null;
  error: string | null;
  last: Exported | null;
  run(request: {
    assessmentId: string;
    identityId: string;
    passphrase: string;
    omitConfidential: boolean;
  }): Promise<Exported | null>;
}

/** Building a pack: one at a time, following its progress events by task id. */
export const usePackExport = create<PackExportState>((set) => ({
  status: 'idle',
  progress: null,
  error: null,
  last: null,
  async run(request) {
    const taskId = crypto.randomUUID();
    set({ status: 'running', error: null, progress: { label: 'Starting', done: 0, total: 1 } });
    const stop = api().on('progress', (p) => {
      if (p.taskId === taskId) set({ progress: { label: p.label, done: p.done, total: p.total } });
    });
    try {
      const last = await api().invoke('packs.export', { ...request, taskId });
      set({ status: 'done', last });
      return last;
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
      return null;
    } finally {
      stop();
    }
  },
}));

interface ImportedPacksState extends ListState<ImportedPack> {
  importing: boolean;
  /** Bytes of the picked pack handed over so far; equal to total while it is being checked. */
  importProgress: { sent: number; total: number } | null;
  importError: string | null;
  /** An intact pack whose signer is not trusted here, waiting for the person's decision. */
  untrusted: { file: File; trust: TrustAssessment } | null;
  detail: PackDetail | null;
  detailStatus: 'idle' | 'loading' | 'checking' | 'ready' | 'error';
  detailError: string | null;
  load(): Promise<void>;
  /** Imports a pack; one whose signer is not trusted is held in `untrusted` unless accepted. */
  importFile(file: File, acceptUntrusted?: boolean): Promise<ImportedPack | null>;
  /** Forgets the held untrusted pack without importing it. */
  declineUntrusted(): void;
  open(id: string, recheck?: boolean): Promise<void>;
  close(): void;
}

const listLoads = newestWins();
/** Only the pack opened last may fill the detail view, however late another one answers. */
const detailLoads = newestWins();

export const useImportedPacks = create<ImportedPacksState>((set, get) => ({
  status: 'idle',
  items: [],
  error: null,
  importing: false,
  importProgress: null,
  importError: null,
  untrusted: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  load() {
    return loadList(get, set, listLoads, () => api().invoke('packs.list', {}));
  },
  async importFile(file, acceptUntrusted = false) {
    set({
      importing: true,
      importError: null,
      untrusted: null,
      importProgress: { sent: 0, total: file.size },
    });
    try {
      const token = await sendFile(file, {
        onProgress: (sent, total) => set({ importProgress: { sent, total } }),
      });
      const pack = await api().invoke('packs.importIncoming', { token, acceptUntrusted });
      await get().load();
      return pack;
    } catch (error) {
      const trust = untrustedVerdict(error);
      if (trust) set({ untrusted: { file, trust } });
      else set({ importError: errorMessage(error) });
      return null;
    } finally {
      set({ importing: false, importProgress: null });
    }
  },
  declineUntrusted() {
    set({ untrusted: null });
  },
  async open(id, recheck = false) {
    const current = detailLoads.start();
    set({ detailStatus: recheck ? 'checking' : 'loading', detailError: null });
    try {
      const detail = await api().invoke('packs.get', { id, recheck });
      if (current()) set({ detail, detailStatus: 'ready' });
    } catch (error) {
      if (current()) set({ detailStatus: 'error', detailError: errorMessage(error) });
    }
  },
  close() {
    detailLoads.forget();
    set({ detail: null, detailStatus: 'idle', detailError: null });
  },
}));
