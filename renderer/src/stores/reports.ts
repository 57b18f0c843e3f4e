import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contracts';
import type { ReportExport, ReportTemplate } from '../../../shared/contracts/reports';
import { base64ToBlob } from '../api/base64';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';

export type ExportRequest = Omit<CommandInput<'reports.export'>, 'taskId'>;

export interface RecentExport extends Omit<ReportExport, 'base64'> {
  at: string;
  /** Kept only for this session, so the last exports can be downloaded again. */
  blob: Blob;
}

interface ReportsState {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: { label: string; done: number; total: number } | null;
  error: string | null;
  last: RecentExport | null;
  recent: RecentExport[];
  run(request: ExportRequest): Promise<RecentExport | null>;
}

export const mimeTypes: Record<ReportExport['format'], string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Report exports: one at a time, following the worker's progress events by task id. */
export const useReports = create<ReportsState>((set, get) => ({
  status: 'idle',
  progress: null,
  error: null,
  last: null,
  recent: [],
  async run(request) {
    const taskId = crypto.randomUUID();
    set({ status: 'running', error: null, progress: { label: 'Starting', done: 0, total: 1 } });
    const stop = api().on('progress', (p) => {
      if (p.taskId === taskId) set({ progress: { label: p.label, done: p.done, total: p.total } });
    });
    try {
      const { base64, ...result } = await api().invoke('reports.export', { ...request, taskId });
      const entry: RecentExport = {
        ...result,
        at: new Date().toISOString(),
        blob: base64ToBlob(base64, mimeTypes[result.format]),
      };
      set({ status: 'done', last: entry, recent: [entry, ...get().recent].slice(0, 10) });
      return entry;
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
      return null;
    } finally {
      stop();
    }
  },
}));

interface TemplatesState {
  items: ReportTemplate[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  save(template: CommandInput<'reports.saveTemplate'>): Promise<void>;
  remove(name: string): Promise<void>;
}

/** Saved report templates: which sections a report holds, and in what order. */
export const useReportTemplates = create<TemplatesState>((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: 'loading', error: null });
    try {
      set({ items: await api().invoke('reports.templates', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async save(template) {
    await api().invoke('reports.saveTemplate', template);
    await get().load();
  },
  async remove(name) {
    await api().invoke('reports.deleteTemplate', { name });
    await get().load();
  },
}));
