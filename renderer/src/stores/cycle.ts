import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contracts';
import type { Assessment } from '../../../shared/contracts/assessments';
import type { CarriedKind, CycleView } from '../../../shared/contracts/cycle';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useAssessments } from './assessments';
import { newestWins } from './newest';

export type StartNextInput = CommandInput<'cycle.startNext'>;

/**
 * Where the assessment open in the workspace sits in the cycle: what it follows, what it carried
 * over and which of those decisions still wait for a person to confirm them.
 */
interface CycleState {
  assessmentId: string | null;
  view: CycleView | null;
  error: string | null;
  load(assessmentId: string): Promise<void>;
  confirm(assessmentId: string, items: { kind: CarriedKind; key: string }[] | 'all'): Promise<void>;
  startNext(input: StartNextInput): Promise<Assessment>;
}

export const useCycle = create<CycleState>((set, get) => {
  const loads = newestWins();
  const show = (assessmentId: string, view: CycleView) => {
    if (get().assessmentId === assessmentId) set({ view, error: null });
  };
  return {
    assessmentId: null,
    view: null,
    error: null,
    async load(assessmentId) {
      const current = loads.start();
      if (get().assessmentId !== assessmentId) set({ assessmentId, view: null, error: null });
      try {
        const view = await api().invoke('cycle.get', { assessmentId });
        if (current()) show(assessmentId, view);
      } catch (error) {
        if (current() && get().assessmentId === assessmentId) set({ error: errorMessage(error) });
      }
    },
    async confirm(assessmentId, items) {
      loads.forget();
      const view = await api().invoke(
        'cycle.confirm',
        items === 'all' ? { assessmentId, all: true } : { assessmentId, items },
      );
      show(assessmentId, view);
    },
    async startNext(input) {
      const created = await api().invoke('cycle.startNext', input);
      useAssessments.getState().put(created);
      return created;
    },
  };
});

/** Last cycle's answer and findings for one requirement, and its evidence's age and expiry. */
export const fetchLastTime = (assessmentId: string, requirementId: string) =>
  api().invoke('cycle.lastTime', { assessmentId, requirementId });

/** Expired, stale and soon-expiring evidence in the assessment's scope. */
export const fetchEvidenceWarnings = (assessmentId: string) =>
  api().invoke('cycle.evidenceWarnings', { assessmentId });
