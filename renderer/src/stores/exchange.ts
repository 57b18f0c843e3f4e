import { create } from 'zustand';
import type { ExchangeImportSummary } from '../../../shared/contracts/exchange';
import { CommandError } from '../../../shared/contracts/envelope';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { readInChunks } from '../api/read-file';
import { sendFile } from '../api/send-file';

type Progress = { label: string; done: number; total: number };

interface ExchangeState {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: Progress | null;
  error: string | null;
  exported: { fileName: string; bytes: number } | null;
  imported: ExchangeImportSummary | null;
  /** The running task, so Cancel can stop it (and a send in progress is aborted too). */
  taskId: string | null;
  exportEngagement(request: {
    engagementId: string;
    passphrase: string;
    includeEvidence: boolean;
  }): Promise<Blob | null>;
  importFile(request: {
    file: File;
    passphrase: string;
    dryRun: boolean;
    acceptSigner: boolean;
  }): Promise<ExchangeImportSummary | null>;
  cancel(): Promise<void>;
  reset(): void;
}

let sending: AbortController | null = null;
/** The file a "Check only" already sent: its token stays valid, so Import does not send it again. */
let checked: { file: File; token: string } | null = null;

const IDLE = {
  status: 'idle',
  progress: null,
  error: null,
  exported: null,
  imported: null,
  taskId: null,
} as const;

/** Export and import of exchange files, one at a time, following progress by task id. */
export const useExchange = create<ExchangeState>((set, get) => {
  async function track<T>(work: (taskId: string) => Promise<T>): Promise<T | null> {
    const taskId = crypto.randomUUID();
    set({
      status: 'running',
      error: null,
      taskId,
      progress: { label: 'Starting', done: 0, total: 1 },
    });
    const stop = api().on('progress', (p) => {
      if (p.taskId === taskId) set({ progress: { label: p.label, done: p.done, total: p.total } });
    });
    try {
      const value = await work(taskId);
      set({ status: 'done', taskId: null });
      return value;
    } catch (error) {
      set({ status: 'error', error: errorMessage(error), taskId: null });
      return null;
    } finally {
      stop();
    }
  }
  return {
    ...IDLE,
    async exportEngagement(request) {
      return track(async (taskId) => {
        const exported = await api().invoke('exchange.export', { ...request, taskId });
        set({
          exported,
          progress: { label: 'Downloading the file', done: 0, total: exported.bytes },
        });
        return readInChunks(
          (offset, length) =>
            api().invoke('exchange.readChunk', { fileName: exported.fileName, offset, length }),
          'application/octet-stream',
        );
      });
    },
    async importFile({ file, ...rest }) {
      return track(async (taskId) => {
        const send = () => {
          sending = new AbortController();
          return sendFile(file, {
            signal: sending.signal,
            onProgress: (sent, total) =>
              set({ progress: { label: 'Sending the file', done: sent, total } }),
          });
        };
        const reused = checked?.file === file ? checked.token : null;
        checked = null;
        const invoke = (token: string) =>
          api().invoke('exchange.import', { token, ...rest, taskId });
        let token = reused ?? (await send());
        let imported;
        try {
          imported = await invoke(token);
        } catch (error) {
          // The checked file was let go meanwhile (unused for an hour): send it again, once.
          if (!reused || !(error instanceof CommandError) || error.code !== 'NOT_FOUND')
            throw error;
          token = await send();
          imported = await invoke(token);
        }
        if (rest.dryRun) checked = { file, token };
        set({ imported });
        return imported;
      });
    },
    async cancel() {
      sending?.abort();
      const taskId = get().taskId;
      if (taskId)
        await api()
          .invoke('exchange.cancel', { taskId })
          .catch(() => undefined);
    },
    reset() {
      checked = null;
      set(IDLE);
    },
  };
});
