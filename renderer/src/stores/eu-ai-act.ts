import { create } from 'zustand';
import type { EuAiActView } from '../../../shared/contracts/eu-ai-act';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { base64ToBlob } from '../api/base64';
import { filePlatform } from '../platform/files';
import { newestWins } from './newest';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The EU AI Act view of the assessment open in the workspace. */
interface EuAiActState {
  assessmentId: string | null;
  view: EuAiActView | null;
  error: string | null;
  load(assessmentId: string): Promise<void>;
  /** Saves the XLSX export where the user chooses; returns the file name. */
  exportXlsx(assessmentId: string): Promise<string>;
}

const requests = newestWins();

export const useEuAiAct = create<EuAiActState>((set) => ({
  assessmentId: null,
  view: null,
  error: null,
  async load(assessmentId) {
    const current = requests.start();
    set((s) =>
      s.assessmentId === assessmentId ? { error: null } : { assessmentId, view: null, error: null },
    );
    try {
      const view = await api().invoke('euAiAct.obligations', { assessmentId });
      if (current()) set({ view });
    } catch (error) {
      if (current()) set({ error: errorMessage(error) });
    }
  },
  async exportXlsx(assessmentId) {
    const out = await api().invoke('euAiAct.exportXlsx', { assessmentId });
    await filePlatform().saveCopy(base64ToBlob(out.contentBase64, XLSX), out.fileName);
    return out.fileName;
  },
}));
