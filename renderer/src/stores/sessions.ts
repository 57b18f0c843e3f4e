import { create } from 'zustand';
import type { InterviewSession, SessionInput } from '../../../shared/contracts/sessions';
import { api } from '../api/client';
import { loadForAssessment } from './assessment-scoped';

/** Interview sessions of the assessment open in the workspace (the Sessions tab and the interview's "current session"). */
interface SessionsState {
  assessmentId: string | null;
  items: InterviewSession[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(assessmentId: string): Promise<void>;
  create(assessmentId: string, input: SessionInput): Promise<InterviewSession>;
  update(id: string, input: SessionInput): Promise<InterviewSession>;
  remove(id: string): Promise<void>;
}

// By instant, not by text: times are stored with the offset they were typed in.
const latestFirst = (list: InterviewSession[]) =>
  [...list].sort((a, b) => Date.parse(b.heldAt) - Date.parse(a.heldAt));

export const useSessions = create<SessionsState>((set, get) => ({
  assessmentId: null,
  items: [],
  status: 'idle',
  error: null,
  load(assessmentId) {
    return loadForAssessment(get, set, assessmentId, 'items', async () =>
      latestFirst(await api().invoke('sessions.list', { assessmentId })),
    );
  },
  async create(assessmentId, input) {
    const created = await api().invoke('sessions.create', { assessmentId, ...input });
    if (get().assessmentId === assessmentId) set({ items: latestFirst([created, ...get().items]) });
    return created;
  },
  async update(id, input) {
    const updated = await api().invoke('sessions.update', { id, ...input });
    set({ items: latestFirst(get().items.map((s) => (s.id === id ? updated : s))) });
    return updated;
  },
  async remove(id) {
    await api().invoke('sessions.delete', { id });
    set({ items: get().items.filter((s) => s.id !== id) });
  },
}));
