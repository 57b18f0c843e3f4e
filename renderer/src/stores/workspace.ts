import { create } from 'zustand';
import type { Assessment } from '../../../shared/contracts/assessments';
import { api, errorMessage } from '../api/client';
import { useAssessments } from './assessments';

/** The assessment open in the workspace; every tab reads it from here. */
interface WorkspaceState {
  assessment: Assessment | null;
  error: string | null;
  open(id: string): Promise<void>;
  refresh(): Promise<void>;
  set(assessment: Assessment): void;
}

export const useWorkspace = create<WorkspaceState>((set, get) => ({
  assessment: null,
  error: null,
  async open(id) {
    if (get().assessment?.id !== id) set({ assessment: null, error: null });
    try {
      const assessment = await api().invoke('assessments.get', { id });
      set({ assessment, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async refresh() {
    const id = get().assessment?.id;
    if (id) await get().open(id);
  },
  set(assessment) {
    set({ assessment });
    useAssessments.getState().put(assessment);
  },
}));

export const isReadOnly = (a: Assessment | null) => a?.status === 'final';
