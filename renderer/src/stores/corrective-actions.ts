import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contracts';
import type {
  CorrectiveAction,
  FindingWithoutAction,
} from '../../../shared/contracts/corrective-actions';
import { base64ToBlob } from '../api/base64';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useCycle } from './cycle';
import { useFindings } from './findings';
import { newestWins } from './newest';

export type ActionPlan = Omit<CommandInput<'correctiveActions.save'>, 'findingId'>;
export type ActionReview = Omit<CommandInput<'correctiveActions.review'>, 'findingId'>;

/**
 * The corrective-action register of one engagement (every cycle), and the steps that move an
 * action on. Each step refreshes the register and, when a finding closes or reopens, the
 * findings log open in the workspace.
 */
interface ActionsState {
  engagementId: string | null;
  actions: CorrectiveAction[];
  withoutAction: FindingWithoutAction[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(engagementId: string): Promise<void>;
  save(findingId: string, plan: ActionPlan): Promise<CorrectiveAction>;
  review(findingId: string, review: ActionReview): Promise<CorrectiveAction>;
  accept(findingId: string, reason: string): Promise<CorrectiveAction>;
  reopen(findingId: string, reason: string): Promise<CorrectiveAction | null>;
}

export const useCorrectiveActions = create<ActionsState>((set, get) => {
  const loads = newestWins();
  /** After a step: the register again (if one is shown) and the open findings log. */
  const refresh = async (action: CorrectiveAction | null) => {
    const findings = useFindings.getState();
    if (findings.assessmentId) void findings.load(findings.assessmentId);
    const cycle = useCycle.getState();
    if (cycle.assessmentId) void cycle.load(cycle.assessmentId);
    const engagementId = get().engagementId;
    if (engagementId && (!action || action.engagementId === engagementId)) {
      await get().load(engagementId);
    }
    return action;
  };
  return {
    engagementId: null,
    actions: [],
    withoutAction: [],
    status: 'idle',
    error: null,
    async load(engagementId) {
      const current = loads.start();
      const same = get().engagementId === engagementId;
      set({
        engagementId,
        status: same && get().status === 'ready' ? 'ready' : 'loading',
        error: null,
        ...(same ? {} : { actions: [], withoutAction: [] }),
      });
      try {
        const register = await api().invoke('correctiveActions.list', { engagementId });
        if (current()) set({ ...register, status: 'ready' });
      } catch (error) {
        if (current()) set({ status: 'error', error: errorMessage(error) });
      }
    },
    async save(findingId, plan) {
      const action = await api().invoke('correctiveActions.save', { findingId, ...plan });
      await refresh(action);
      return action;
    },
    async review(findingId, review) {
      const action = await api().invoke('correctiveActions.review', { findingId, ...review });
      await refresh(action);
      return action;
    },
    async accept(findingId, reason) {
      const action = await api().invoke('correctiveActions.accept', { findingId, reason });
      await refresh(action);
      return action;
    },
    async reopen(findingId, reason) {
      const action = await api().invoke('correctiveActions.reopen', { findingId, reason });
      await refresh(action);
      return action;
    },
  };
});

/** One finding's action afresh for its drawer (null: none started yet). */
export const fetchAction = (findingId: string) =>
  api().invoke('correctiveActions.get', { findingId });

const mimeTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The register as a file: CSV text, an XLSX workbook or an editable Word document. */
export async function exportRegister(
  engagementId: string,
  kind: 'csv' | 'xlsx' | 'docx',
): Promise<{ fileName: string; blob: Blob }> {
  if (kind === 'csv') {
    const out = await api().invoke('correctiveActions.exportCsv', { engagementId });
    return { fileName: out.fileName, blob: new Blob([out.text], { type: 'text/csv' }) };
  }
  const out =
    kind === 'xlsx'
      ? await api().invoke('correctiveActions.exportXlsx', { engagementId })
      : await api().invoke('correctiveActions.exportDocx', { engagementId });
  return { fileName: out.fileName, blob: base64ToBlob(out.contentBase64, mimeTypes[kind]) };
}
