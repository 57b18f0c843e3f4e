/**
 * A full garbage collection, now. V8 collects when its heap has grown by a factor of what was
 * live after the last collection, so after a burst of short-lived objects (a report part's
 * layout) the heap — and the process's resident memory — stays at several times what is live.
 * Where a burst is known to be over, collecting at once keeps the peak down.
 *
 * V8 offers this only with --expose-gc. The flag is turned on just long enough to fetch `gc`
 * from a fresh context, then off again, so no other context gains a `gc` global (the same way
 * Jest's leak detector does it).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null = null;

function fetchGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  try {
    const found: unknown = vm.runInNewContext('gc');
    if (typeof found !== 'function') throw new Error('V8 gave no gc function.');
    return found as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

export function collectGarbage(): void {
  gc ??= fetchGc();
  gc();
}
