import { create } from 'zustand';
import type { CatalogView, FrameworkSummary } from '../../../shared/contracts/catalog';
import { api, errorMessage } from '../api/client';

interface CatalogState {
  frameworks: FrameworkSummary[];
  views: Record<string, CatalogView>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Loads the framework list and the first (or named) framework's whole catalog, once. */
  load(frameworkId?: string): Promise<void>;
}

export const useCatalog = create<CatalogState>((set, get) => ({
  frameworks: [],
  views: {},
  status: 'idle',
  error: null,
  async load(frameworkId) {
    if (get().status === 'loading') return;
    set({ status: 'loading', error: null });
    try {
      const frameworks = await api().invoke('catalog.frameworks', {});
      const id = frameworkId ?? frameworks[0]?.id;
      const views = { ...get().views };
      if (id && !views[id]) views[id] = await api().invoke('catalog.get', { frameworkId: id });
      set({ frameworks, views, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
