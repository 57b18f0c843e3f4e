import { create } from 'zustand';
import type { ResponseRecord, SaveResponseInput } from '../../../shared/contracts/responses';
import type { Result } from '../../../shared/domain/assessment';
import { api, errorMessage } from '../api/client';

export type Draft = Omit<SaveResponseInput, 'assessmentId' | 'requirementId'> & {
  result: Result;
  notes: string;
  naJustification: string;
  interviewees: string[];
  followUp: boolean;
  maturity: number | null;
  sessionId: string | null;
};

export type SaveState = 'saved' | 'dirty' | 'saving' | 'needs-justification' | 'error';

interface InterviewState {
  assessmentId: string | null;
  drafts: Record<string, Draft>;
  saved: Record<string, ResponseRecord>;
  saveState: Record<string, SaveState>;
  saveError: Record<string, string>;
  loading: boolean;
  loadError: string | null;
  load(assessmentId: string): Promise<void>;
  /** Changes the draft; `immediate` saves now (result, flags), otherwise after a pause in typing. */
  edit(requirementId: string, patch: Partial<Draft>, immediate?: boolean): void;
  /** Saves whatever is pending for one requirement, or all; resolves when it is stored. */
  flush(requirementId?: string): Promise<void>;
}

export const emptyDraft = (sessionId: string | null = null): Draft => ({
  result: 'not-assessed',
  maturity: null,
  notes: '',
  naJustification: '',
  interviewees: [],
  followUp: false,
  sessionId,
});

const TYPING_PAUSE_MS = 400;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** One save in flight per requirement; a change made meanwhile is sent right after it. */
const inFlight = new Map<string, Promise<void>>();
const again = new Set<string>();

function fromRecord(r: ResponseRecord): Draft {
  return {
    result: r.result,
    maturity: r.maturity,
    notes: r.notes,
    naJustification: r.naJustification,
    interviewees: r.interviewees,
    followUp: r.followUp,
    sessionId: r.sessionId,
  };
}

export const useInterview = create<InterviewState>((set, get) => {
  async function send(requirementId: string): Promise<void> {
    const { assessmentId, drafts } = get();
    const draft = drafts[requirementId];
    if (!assessmentId || !draft) return;
    if (draft.result === 'not-applicable' && !draft.naJustification.trim()) {
      set((s) => ({ saveState: { ...s.saveState, [requirementId]: 'needs-justification' } }));
      return;
    }
    set((s) => ({ saveState: { ...s.saveState, [requirementId]: 'saving' } }));
    try {
      const record = await api().invoke('responses.save', {
        assessmentId,
        requirementId,
        ...draft,
      });
      const current = get().drafts[requirementId];
      const unchanged = JSON.stringify(current) === JSON.stringify(draft);
      set((s) => ({
        saved: { ...s.saved, [requirementId]: record },
        saveState: { ...s.saveState, [requirementId]: unchanged ? 'saved' : 'dirty' },
      }));
    } catch (error) {
      set((s) => ({
        saveState: { ...s.saveState, [requirementId]: 'error' },
        saveError: { ...s.saveError, [requirementId]: errorMessage(error) },
      }));
    }
  }

  function save(requirementId: string): Promise<void> {
    const running = inFlight.get(requirementId);
    if (running) {
      again.add(requirementId);
      return running;
    }
    const run = send(requirementId).finally(() => {
      inFlight.delete(requirementId);
      if (again.delete(requirementId) && get().saveState[requirementId] === 'dirty')
        void save(requirementId);
    });
    inFlight.set(requirementId, run);
    return run;
  }

  return {
    assessmentId: null,
    drafts: {},
    saved: {},
    saveState: {},
    saveError: {},
    loading: false,
    loadError: null,
    async load(assessmentId) {
      set({
        assessmentId,
        loading: true,
        loadError: null,
        drafts: {},
        saved: {},
        saveState: {},
        saveError: {},
      });
      try {
        const records = await api().invoke('responses.list', { assessmentId });
        const saved = Object.fromEntries(records.map((r) => [r.requirementId, r]));
        const drafts = Object.fromEntries(records.map((r) => [r.requirementId, fromRecord(r)]));
        set({ saved, drafts, loading: false });
      } catch (error) {
        set({ loading: false, loadError: errorMessage(error) });
      }
    },
    edit(requirementId, patch, immediate = false) {
      const current = get().drafts[requirementId] ?? emptyDraft();
      set((s) => ({
        drafts: { ...s.drafts, [requirementId]: { ...current, ...patch } },
        saveState: { ...s.saveState, [requirementId]: 'dirty' },
      }));
      const timer = timers.get(requirementId);
      if (timer) clearTimeout(timer);
      if (immediate) {
        void save(requirementId);
      } else {
        timers.set(
          requirementId,
          setTimeout(() => {
            timers.delete(requirementId);
            void save(requirementId);
          }, TYPING_PAUSE_MS),
        );
      }
    },
    async flush(requirementId) {
      const ids = requirementId ? [requirementId] : Object.keys(get().saveState);
      await Promise.all(
        ids.map((id) => {
          const timer = timers.get(id);
          if (timer) {
            clearTimeout(timer);
            timers.delete(id);
          }
          if (get().saveState[id] === 'dirty') return save(id);
          return inFlight.get(id) ?? Promise.resolve();
        }),
      );
    },
  };
});

/** Every recorded change to one requirement's answer, findings and SoA decision, newest first. */
export const fetchResponseHistory = (assessmentId: string, requirementId: string) =>
  api().invoke('responses.history', { assessmentId, requirementId });
