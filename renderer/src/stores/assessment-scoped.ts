import { errorMessage } from '../api/error-message';

/** The shape every store of one assessment's records shares (findings, sessions, SoA). */
export interface AssessmentScoped {
  assessmentId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

/**
 * Loads one assessment's records into `key`. Another assessment's records never show, even for
 * a moment, and an answer that arrives after the workspace moved on is dropped.
 */
export async function loadForAssessment<S extends AssessmentScoped, K extends keyof S>(
  get: () => S,
  set: (partial: Partial<S>) => void,
  assessmentId: string,
  key: K,
  fetch: () => Promise<S[K]>,
): Promise<void> {
  const same = get().assessmentId === assessmentId && get().status === 'ready';
  set({
    assessmentId,
    status: same ? 'ready' : 'loading',
    error: null,
    ...(same ? {} : { [key]: [] }),
  } as Partial<S>);
  try {
    const items = await fetch();
    if (get().assessmentId === assessmentId) set({ [key]: items, status: 'ready' } as Partial<S>);
  } catch (error) {
    if (get().assessmentId === assessmentId)
      set({ status: 'error', error: errorMessage(error) } as Partial<S>);
  }
}

/**
 * Puts a row the main side just saved in place of its older self — only while the workspace still
 * shows that assessment, so a save that finishes after the user moved on never leaks into another.
 */
export function replaceSavedRow<R, S extends AssessmentScoped & { rows: R[] }>(
  get: () => S,
  set: (partial: Partial<S>) => void,
  assessmentId: string,
  saved: R,
  isSame: (row: R) => boolean,
): R {
  if (get().assessmentId === assessmentId) {
    set({ rows: get().rows.map((r) => (isSame(r) ? saved : r)) } as Partial<S>);
  }
  return saved;
}
