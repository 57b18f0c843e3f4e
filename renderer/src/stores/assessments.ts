import { create } from 'zustand';
import type { Assessment } from '../../../shared/contracts/assessments';
import { api, errorMessage } from '../api/client';

interface AssessmentsState {
  items: Assessment[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  /** Replaces one assessment after a change made elsewhere (status, title, progress). */
  put(assessment: Assessment): void;
  drop(id: string): void;
}

export const useAssessments = create<AssessmentsState>((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      set({ items: await api().invoke('assessments.list', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  put(assessment) {
    const items = get().items;
    const exists = items.some((a) => a.id === assessment.id);
    set({
      items: exists
        ? items.map((a) => (a.id === assessment.id ? assessment : a))
        : [assessment, ...items],
    });
  },
  drop(id) {
    set({ items: get().items.filter((a) => a.id !== id) });
  },
}));
