import { create } from 'zustand';

export type GroupBy = 'none' | 'system' | 'source' | 'level' | 'owner' | 'status';

export interface HeatCell {
  kind: 'inherent' | 'residual';
  likelihood: number;
  impact: number;
}

export interface RegisterFilters {
  text: string;
  band: string | null;
  status: string | null;
  owner: string | null;
  system: string | null;
  source: string | null;
  cell: HeatCell | null;
}

export const noFilters: RegisterFilters = {
  text: '',
  band: null,
  status: null,
  owner: null,
  system: null,
  source: null,
  cell: null,
};

/** How the register is being looked at: filters (a heat-map click sets one), grouping. */
interface RegisterViewState {
  filters: RegisterFilters;
  groupBy: GroupBy;
  setFilter<K extends keyof RegisterFilters>(key: K, value: RegisterFilters[K]): void;
  clear(): void;
  setGroupBy(groupBy: GroupBy): void;
}

export const useRegisterView = create<RegisterViewState>((set, get) => ({
  filters: noFilters,
  groupBy: 'none',
  setFilter(key, value) {
    set({ filters: { ...get().filters, [key]: value } });
  },
  clear() {
    set({ filters: noFilters });
  },
  setGroupBy(groupBy) {
    set({ groupBy });
  },
}));
