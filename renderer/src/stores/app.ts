import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contracts/app';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';

/** Re-reads the audit trail and checks its hash chain. */
export const verifyAuditTrail = () => api().invoke('app.auditVerify', {});

/** SQLite's full integrity check over the store. */
export const checkStore = () => api().invoke('app.storeCheck', {});

interface AppState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
}

export const useAppInfo = create<AppState>((set) => ({
  info: null,
  error: null,
  async load() {
    try {
      set({ info: await api().invoke('app.info', {}), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
