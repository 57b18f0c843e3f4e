import { create } from 'zustand';
import type { SoaRow } from '../../../shared/contracts/soa';
import type { ImplementationStatus } from '../../../shared/domain/assessment';
import { api, errorMessage } from '../api/client';

export interface SoaDecision {
  applicable: boolean;
  justification: string;
  implementationStatus: ImplementationStatus;
}

/** The Statement of Applicability of the assessment open in the workspace. */
interface SoaState {
  assessmentId: string | null;
  rows: SoaRow[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(assessmentId: string): Promise<void>;
  save(assessmentId: string, requirementId: string, decision: SoaDecision): Promise<SoaRow>;
  acceptSuggestions(assessmentId: string): Promise<{ accepted: number; needJustification: number }>;
}

export const useSoa = create<SoaState>((set, get) => ({
  assessmentId: null,
  rows: [],
  status: 'idle',
  error: null,
  async load(assessmentId) {
    const same = get().assessmentId === assessmentId && get().status === 'ready';
    set({
      assessmentId,
      status: same ? 'ready' : 'loading',
      error: null,
      rows: same ? get().rows : [],
    });
    try {
      const rows = await api().invoke('soa.list', { assessmentId });
      if (get().assessmentId === assessmentId) set({ rows, status: 'ready' });
    } catch (error) {
      if (get().assessmentId === assessmentId) set({ status: 'error', error: errorMessage(error) });
    }
  },
  async save(assessmentId, requirementId, decision) {
    const row = await api().invoke('soa.save', { assessmentId, requirementId, ...decision });
    if (get().assessmentId === assessmentId) {
      set({ rows: get().rows.map((r) => (r.requirementId === requirementId ? row : r)) });
    }
    return row;
  },
  async acceptSuggestions(assessmentId) {
    const outcome = await api().invoke('soa.acceptSuggestions', { assessmentId });
    await get().load(assessmentId);
    return outcome;
  },
}));
