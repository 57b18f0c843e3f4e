import { errorMessage } from '../api/error-message';
import type { NewestWins } from './newest';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The shape every store of one list shares (engagements, assessments, identities, packs). */
export interface ListState<T> {
  items: T[];
  status: LoadStatus;
  error: string | null;
}

/**
 * Loads a whole list into a store. A list already shown stays on screen while it reloads, and
 * only the newest load's answer (or failure) lands, however the answers are ordered.
 */
export async function loadList<T, S extends ListState<T>>(
  get: () => S,
  set: (partial: Partial<ListState<T>>) => void,
  loads: NewestWins,
  fetch: () => Promise<T[]>,
): Promise<void> {
  const current = loads.start();
  set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
  try {
    const items = await fetch();
    if (current()) set({ items, status: 'ready' });
  } catch (error) {
    if (current()) set({ status: 'error', error: errorMessage(error) });
  }
}
