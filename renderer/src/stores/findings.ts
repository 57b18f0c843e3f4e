import { create } from 'zustand';
import type { Finding, FindingInput } from '../../../shared/contracts/findings';
import { api, errorMessage } from '../api/client';

/** The findings log of the assessment open in the workspace. */
interface FindingsState {
  assessmentId: string | null;
  items: Finding[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(assessmentId: string): Promise<void>;
  create(assessmentId: string, input: FindingInput): Promise<Finding>;
  update(id: string, input: FindingInput): Promise<Finding>;
  remove(id: string): Promise<void>;
}

export const useFindings = create<FindingsState>((set, get) => ({
  assessmentId: null,
  items: [],
  status: 'idle',
  error: null,
  async load(assessmentId) {
    const same = get().assessmentId === assessmentId && get().status === 'ready';
    set({
      assessmentId,
      status: same ? 'ready' : 'loading',
      error: null,
      items: same ? get().items : [],
    });
    try {
      const items = await api().invoke('findings.list', { assessmentId });
      if (get().assessmentId === assessmentId) set({ items, status: 'ready' });
    } catch (error) {
      if (get().assessmentId === assessmentId) set({ status: 'error', error: errorMessage(error) });
    }
  },
  async create(assessmentId, input) {
    const created = await api().invoke('findings.create', { assessmentId, ...input });
    // A finding raised from the interview screen lands in the log even if it was never opened.
    if (get().assessmentId === assessmentId) set({ items: [...get().items, created] });
    return created;
  },
  async update(id, input) {
    const updated = await api().invoke('findings.update', { id, ...input });
    set({ items: get().items.map((f) => (f.id === id ? updated : f)) });
    return updated;
  },
  async remove(id) {
    await api().invoke('findings.delete', { id });
    set({ items: get().items.filter((f) => f.id !== id) });
  },
}));
