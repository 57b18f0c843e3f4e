import { useSyncExternalStore } from 'react';

/**
 * A hash router: the app loads from assay://app or a loopback page, so the path never leaves
 * the fragment. Routes are "#/<section>/<id>".
 */
function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

function snapshot(): string {
  return window.location.hash.replace(/^#/, '') || '/engagements';
}

export function useRoute(): string[] {
  const path = useSyncExternalStore(subscribe, snapshot);
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

export function navigate(...parts: string[]): void {
  window.location.hash = `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}
