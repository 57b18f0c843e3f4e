import { create } from 'zustand';
import type { CatalogView, FrameworkSummary } from '../../../shared/contracts/catalog';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';

interface CatalogState {
  frameworks: FrameworkSummary[];
  views: Record<string, CatalogView>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /**
   * Loads the framework list and the primary (or named) framework's whole catalog, each once.
   * Asking for another framework while one is loading is not dropped: each id loads on its own.
   */
  load(frameworkId?: string): Promise<void>;
}

/** The framework a screen without an assessment shows: ISO/IEC 42001, else any assessable one. */
export function primaryFramework(frameworks: FrameworkSummary[]): FrameworkSummary | undefined {
  const assessable = frameworks.filter((f) => f.purpose === 'assessment');
  return assessable.find((f) => f.id === DEFAULT_FRAMEWORK_ID) ?? assessable[0] ?? frameworks[0];
}

/** Frameworks an assessment may be created against (never a reference catalog). */
export function assessableFrameworks(frameworks: FrameworkSummary[]): FrameworkSummary[] {
  return frameworks.filter((f) => f.purpose === 'assessment');
}

const pending = new Map<string, Promise<void>>();

export const useCatalog = create<CatalogState>((set, get) => ({
  frameworks: [],
  views: {},
  status: 'idle',
  error: null,
  load(frameworkId) {
    const key = frameworkId ?? '';
    const running = pending.get(key);
    if (running) return running;
    const task = (async () => {
      set({ status: 'loading', error: null });
      try {
        const frameworks =
          get().frameworks.length > 0
            ? get().frameworks
            : await api().invoke('catalog.frameworks', {});
        const id = frameworkId ?? primaryFramework(frameworks)?.id;
        if (id && !get().views[id]) {
          const view = await api().invoke('catalog.get', { frameworkId: id });
          set((s) => ({ views: { ...s.views, [id]: view } }));
        }
        set({ frameworks, status: pending.size > 1 ? 'loading' : 'ready' });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      } finally {
        pending.delete(key);
      }
    })();
    pending.set(key, task);
    return task;
  },
}));
