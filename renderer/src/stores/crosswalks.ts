import { create } from 'zustand';
import type { CrosswalkView } from '../../../shared/contracts/crosswalks';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';

/**
 * Crosswalk rows per framework, loaded once each: static data shipped with the app, so a view
 * never goes stale while the app runs.
 */
interface CrosswalksState {
  views: Record<string, CrosswalkView>;
  errors: Record<string, string>;
  load(frameworkId: string): Promise<void>;
}

const pending = new Map<string, Promise<void>>();

export const useCrosswalks = create<CrosswalksState>((set, get) => ({
  views: {},
  errors: {},
  load(frameworkId) {
    if (get().views[frameworkId]) return Promise.resolve();
    const running = pending.get(frameworkId);
    if (running) return running;
    const task = (async () => {
      set((s) => ({
        errors: Object.fromEntries(Object.entries(s.errors).filter(([k]) => k !== frameworkId)),
      }));
      try {
        const view = await api().invoke('crosswalks.get', { frameworkId });
        set((s) => ({ views: { ...s.views, [frameworkId]: view } }));
      } catch (error) {
        set((s) => ({ errors: { ...s.errors, [frameworkId]: errorMessage(error) } }));
      } finally {
        pending.delete(frameworkId);
      }
    })();
    pending.set(frameworkId, task);
    return task;
  },
}));
