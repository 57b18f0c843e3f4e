import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contracts';
import type { Assessment } from '../../../shared/contracts/assessments';
import { api } from '../api/client';
import { loadList, type ListState } from './lists';
import { newestWins } from './newest';

/** The assessments of one engagement, read afresh for its screen (not kept here). */
export const fetchAssessmentsOf = (engagementId: string) =>
  api().invoke('assessments.list', { engagementId });

interface AssessmentsState extends ListState<Assessment> {
  load(): Promise<void>;
  create(input: CommandInput<'assessments.create'>): Promise<Assessment>;
  /** Replaces one assessment after a change made elsewhere (status, title, progress). */
  put(assessment: Assessment): void;
  drop(id: string): void;
}

const assessmentLoads = newestWins();

export const useAssessments = create<AssessmentsState>((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  load() {
    return loadList(get, set, assessmentLoads, () => api().invoke('assessments.list', {}));
  },
  async create(input) {
    const created = await api().invoke('assessments.create', input);
    get().put(created);
    return created;
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
