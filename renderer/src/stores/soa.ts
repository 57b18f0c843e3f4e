import { create } from 'zustand';
import type { SoaRow } from '../../../shared/contracts/soa';
import type { ImplementationStatus } from '../../../shared/domain/assessment';
import { api } from '../api/client';
import { loadForAssessment, replaceSavedRow } from './assessment-scoped';

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
  load(assessmentId) {
    return loadForAssessment(get, set, assessmentId, 'rows', async () =>
      api().invoke('soa.list', { assessmentId }),
    );
  },
  async save(assessmentId, requirementId, decision) {
    const row = await api().invoke('soa.save', { assessmentId, requirementId, ...decision });
    return replaceSavedRow(get, set, assessmentId, row, (r) => r.requirementId === requirementId);
  },
  async acceptSuggestions(assessmentId) {
    const outcome = await api().invoke('soa.acceptSuggestions', { assessmentId });
    await get().load(assessmentId);
    return outcome;
  },
}));
