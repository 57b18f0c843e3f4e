import { create } from 'zustand';
import type { Engagement, EngagementInput } from '../../../shared/contracts/engagements';
import { api } from '../api/client';
import { loadList, type ListState } from './lists';
import { newestWins } from './newest';

/** One engagement read afresh for its own screen (not kept here). */
export const fetchEngagement = (id: string) => api().invoke('engagements.get', { id });

interface EngagementsState extends ListState<Engagement> {
  load(): Promise<void>;
  create(input: EngagementInput): Promise<Engagement>;
  update(id: string, input: EngagementInput): Promise<Engagement>;
  remove(id: string): Promise<void>;
}

const engagementLoads = newestWins();

export const useEngagements = create<EngagementsState>((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  load() {
    return loadList(get, set, engagementLoads, () => api().invoke('engagements.list', {}));
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
