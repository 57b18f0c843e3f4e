import { create } from 'zustand';
import type { NistCoverage } from '../../../shared/contracts/crosswalks';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { newestWins } from './newest';

/** NIST AI RMF coverage of the assessment open in the workspace, computed afresh on each visit. */
interface NistCoverageState {
  coverage: NistCoverage | null;
  error: string | null;
  load(assessmentId: string): Promise<void>;
}

const requests = newestWins();

export const useNistCoverage = create<NistCoverageState>((set) => ({
  coverage: null,
  error: null,
  async load(assessmentId) {
    const current = requests.start();
    set((s) => ({
      error: null,
      coverage: s.coverage?.assessmentId === assessmentId ? s.coverage : null,
    }));
    try {
      const coverage = await api().invoke('crosswalks.nistCoverage', { assessmentId });
      if (current()) set({ coverage });
    } catch (error) {
      if (current()) set({ error: errorMessage(error) });
    }
  },
}));
