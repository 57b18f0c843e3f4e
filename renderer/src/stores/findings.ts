import { create } from 'zustand';
import type { Finding, FindingInput } from '../../../shared/contracts/findings';
import { api } from '../api/client';
import { loadForAssessment } from './assessment-scoped';

/** The findings of any assessment, read afresh (not kept here). */
export const fetchFindingsOf = (assessmentId: string) =>
  api().invoke('findings.list', { assessmentId });

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
  load(assessmentId) {
    return loadForAssessment(get, set, assessmentId, 'items', () => fetchFindingsOf(assessmentId));
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
