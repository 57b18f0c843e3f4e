import { useSyncExternalStore } from 'react';

/**
 * A hash router: the app loads from assay://app or a loopback page, so the path never leaves
 * the fragment. Routes are "#/<section>/<id>". `navigate` updates the route at once, not when
 * the browser's hashchange event arrives later: a render in between (a save finishing, say)
 * must already see the new route, or a key pressed right after moving would act on the old one.
 */
const readHash = () => window.location.hash.replace(/^#/, '') || '/engagements';

let current = readHash();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('hashchange', () => {
  const next = readHash();
  if (next === current) return;
  current = next;
  emit();
});

function subscribe(callback: () => void): () => void {
  listeners.add(callback);
  return () => listeners.delete(callback);
}

const parts = (path: string) => path.split('/').filter(Boolean).map(decodeURIComponent);

export function useRoute(): string[] {
  return parts(useSyncExternalStore(subscribe, () => current));
}

/** The route now, outside React (the app's start reads it before its first render). */
export const currentRoute = (): string[] => parts(current);

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function navigate(...parts: string[]): void {
  const next = href(...parts);
  current = next.slice(1);
  window.location.hash = next;
  emit();
}
