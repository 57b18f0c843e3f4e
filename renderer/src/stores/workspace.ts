import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contracts';
import type { Assessment } from '../../../shared/contracts/assessments';
import type { AssessmentStatus } from '../../../shared/domain/assessment';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useAssessments } from './assessments';
import { newestWins } from './newest';

export type AssessmentDetails = Omit<CommandInput<'assessments.update'>, 'id'>;
export type ScopingAnswers = CommandInput<'assessments.saveScoping'>['answers'];

/** The assessment open in the workspace; every tab reads it from here. */
interface WorkspaceState {
  assessment: Assessment | null;
  error: string | null;
  open(id: string): Promise<void>;
  refresh(): Promise<void>;
  update(id: string, details: AssessmentDetails): Promise<Assessment>;
  setStatus(id: string, status: AssessmentStatus): Promise<Assessment>;
  reopen(id: string, reason: string): Promise<Assessment>;
  saveScoping(id: string, answers: ScopingAnswers): Promise<Assessment>;
  /** Remembers the requirement on screen so reopening resumes there; best effort. */
  setPosition(id: string, requirementId: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export const useWorkspace = create<WorkspaceState>((set, get) => {
  const opening = newestWins();
  /** A changed assessment joins the list; it shows only if it is still the one open. */
  const accept = (assessment: Assessment) => {
    useAssessments.getState().put(assessment);
    if (get().assessment?.id === assessment.id) set({ assessment });
    return assessment;
  };
  return {
    assessment: null,
    error: null,
    async open(id) {
      const current = opening.start();
      if (get().assessment?.id !== id) set({ assessment: null, error: null });
      try {
        const assessment = await api().invoke('assessments.get', { id });
        if (current()) set({ assessment, error: null });
      } catch (error) {
        if (current()) set({ error: errorMessage(error) });
      }
    },
    async refresh() {
      const id = get().assessment?.id;
      if (id) await get().open(id);
    },
    async update(id, details) {
      return accept(await api().invoke('assessments.update', { id, ...details }));
    },
    async setStatus(id, status) {
      return accept(await api().invoke('assessments.setStatus', { id, status }));
    },
    async reopen(id, reason) {
      return accept(await api().invoke('assessments.reopen', { id, reason }));
    },
    async saveScoping(id, answers) {
      return accept(await api().invoke('assessments.saveScoping', { id, answers }));
    },
    async setPosition(id, requirementId) {
      await api()
        .invoke('assessments.setPosition', { id, requirementId })
        .catch(() => undefined);
    },
    async remove(id) {
      await api().invoke('assessments.delete', { id });
      useAssessments.getState().drop(id);
    },
  };
});

export const isReadOnly = (a: Assessment | null) => a?.status === 'final';
