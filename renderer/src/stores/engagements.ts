import { create } from 'zustand';
import type { Engagement, EngagementInput } from '../../../shared/contracts/engagements';
import { api, errorMessage } from '../api/client';

interface EngagementsState {
  items: Engagement[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  create(input: EngagementInput): Promise<Engagement>;
  update(id: string, input: EngagementInput): Promise<Engagement>;
  remove(id: string): Promise<void>;
}

export const useEngagements = create<EngagementsState>((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      set({ items: await api().invoke('engagements.list', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async create(input) {
    const created = await api().invoke('engagements.create', input);
    set({ items: [created, ...get().items] });
    return created;
  },
  async update(id, input) {
    const updated = await api().invoke('engagements.update', { id, ...input });
    set({ items: [updated, ...get().items.filter((e) => e.id !== id)] });
    return updated;
  },
  async remove(id) {
    await api().invoke('engagements.delete', { id });
    set({ items: get().items.filter((e) => e.id !== id) });
  },
}));
