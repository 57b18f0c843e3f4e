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

export function useRoute(): string[] {
  const path = useSyncExternalStore(subscribe, () => current);
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function navigate(...parts: string[]): void {
  const next = href(...parts);
  current = next.slice(1);
  window.location.hash = next;
  emit();
}
