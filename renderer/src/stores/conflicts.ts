import { create } from 'zustand';
import type { ConflictView } from '../../../shared/contracts/conflicts';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import type { LoadStatus } from './lists';
import { newestWins } from './newest';

export type Decision =
  | { take: 'mine' }
  | { take: 'theirs' }
  | { take: 'value'; value: string | number | boolean | null };

interface ConflictsState {
  engagementId: string | null;
  conflicts: ConflictView[];
  status: LoadStatus;
  error: string | null;
  load(engagementId: string): Promise<void>;
  /** Decides one conflict and reloads the list (the decision may settle others on its record). */
  resolve(id: string, decision: Decision): Promise<void>;
}

const loads = newestWins();

/** The merge screen and the engagement's open-conflicts badge. */
export const useConflicts = create<ConflictsState>((set, get) => ({
  engagementId: null,
  conflicts: [],
  status: 'idle',
  error: null,
  async load(engagementId) {
    const current = loads.start();
    const same = get().engagementId === engagementId;
    set({
      engagementId,
      conflicts: same ? get().conflicts : [],
      status: same && get().status === 'ready' ? 'ready' : 'loading',
      error: null,
    });
    try {
      const conflicts = await api().invoke('conflicts.list', { engagementId });
      if (current()) set({ conflicts, status: 'ready' });
    } catch (error) {
      if (current()) set({ status: 'error', error: errorMessage(error) });
    }
  },
  async resolve(id, decision) {
    await api().invoke('conflicts.resolve', { id, ...decision });
    const engagementId = get().engagementId;
    if (engagementId) await get().load(engagementId);
  },
}));
