import { create } from 'zustand';
import type { ResponseRecord, SaveResponseInput } from '../../../shared/contracts/responses';
import type { Result } from '../../../shared/domain/assessment';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { newestWins } from './newest';

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

/** One answer to save: the draft as it was when the save was asked for, and where it belongs. */
interface PendingSave {
  assessmentId: string;
  requirementId: string;
  draft: Draft;
  /** True while that assessment is still the one open (its answers may land in the store). */
  stillOpen: () => boolean;
}

export const useInterview = create<InterviewState>((set, get) => {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * At most one save in flight per answer (assessment and requirement). Saves asked for meanwhile
   * collapse into one that follows it, with the newest draft: the last thing typed is stored last.
   */
  const inFlight = new Map<string, Promise<void>>();
  const next = new Map<string, PendingSave>();
  const answerKey = (assessmentId: string | null, requirementId: string) =>
    `${assessmentId ?? ''}\n${requirementId}`;
  /**
   * Each load() opens an assessment; an answer (a list or a save) that arrives after another one
   * was opened belongs to the one the user left and must not land in, or be saved into, this one.
   */
  const opened = newestWins();
  let isOpen = opened.start();

  async function send({ assessmentId, requirementId, draft, stillOpen }: PendingSave) {
    const mark = (state: SaveState) => {
      if (stillOpen()) set((s) => ({ saveState: { ...s.saveState, [requirementId]: state } }));
    };
    if (draft.result === 'not-applicable' && !draft.naJustification.trim()) {
      mark('needs-justification');
      return;
    }
    mark('saving');
    try {
      const record = await api().invoke('responses.save', {
        assessmentId,
        requirementId,
        ...draft,
      });
      if (!stillOpen()) return;
      const current = get().drafts[requirementId];
      const unchanged = JSON.stringify(current) === JSON.stringify(draft);
      set((s) => ({
        saved: { ...s.saved, [requirementId]: record },
        saveState: { ...s.saveState, [requirementId]: unchanged ? 'saved' : 'dirty' },
      }));
    } catch (error) {
      if (!stillOpen()) return;
      set((s) => ({
        saveState: { ...s.saveState, [requirementId]: 'error' },
        saveError: { ...s.saveError, [requirementId]: errorMessage(error) },
      }));
    }
  }

  /** Saves the current draft of one requirement of the open assessment, after any save before it. */
  function save(requirementId: string): Promise<void> {
    const { assessmentId, drafts } = get();
    const draft = drafts[requirementId];
    if (!assessmentId || !draft) return Promise.resolve();
    const key = answerKey(assessmentId, requirementId);
    const waiting = next.has(key);
    next.set(key, { assessmentId, requirementId, draft, stillOpen: isOpen });
    const queued = inFlight.get(key);
    if (waiting && queued) return queued;
    const start = () => {
      const pending = next.get(key);
      next.delete(key);
      return pending ? send(pending) : undefined;
    };
    // Nothing before it: sent at once, so a save asked for now is on its way now.
    const run = (queued ? queued.then(start) : Promise.resolve(start())).finally(() => {
      if (inFlight.get(key) === run) inFlight.delete(key);
    });
    inFlight.set(key, run);
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
      // What was typed in the assessment being left is saved under it, not dropped.
      void get().flush();
      const current = opened.start();
      isOpen = current;
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
        if (!current()) return;
        const saved = Object.fromEntries(records.map((r) => [r.requirementId, r]));
        const drafts = Object.fromEntries(records.map((r) => [r.requirementId, fromRecord(r)]));
        set({ saved, drafts, loading: false });
      } catch (error) {
        if (current()) set({ loading: false, loadError: errorMessage(error) });
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
          return inFlight.get(answerKey(get().assessmentId, id)) ?? Promise.resolve();
        }),
      );
    },
  };
});

/** What the header's progress depends on in the stored answers: it is refreshed when this changes. */
export function progressSignature(saved: Record<string, ResponseRecord>): string {
  return Object.values(saved)
    .map((r) => `${r.requirementId}=${r.result}${r.followUp ? '+follow-up' : ''}`)
    .join(';');
}

/** Every recorded change to one requirement's answer, findings and SoA decision, newest first. */
export const fetchResponseHistory = (assessmentId: string, requirementId: string) =>
  api().invoke('responses.history', { assessmentId, requirementId });
