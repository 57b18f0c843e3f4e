import type { CoreContext } from '../context';

/** Running imports by task id, so evidence.cancelImport can stop one from any transport. */
const running = new Map<string, AbortController>();

export function startTask(taskId: string): AbortSignal {
  const existing = running.get(taskId);
  if (existing && !existing.signal.aborted) {
    throw new Error(`An import with task id ${taskId} is already running.`);
  }
  const controller = new AbortController();
  running.set(taskId, controller);
  return controller.signal;
}

export function endTask(taskId: string): void {
  running.delete(taskId);
}

export function cancelTask(taskId: string): boolean {
  const controller = running.get(taskId);
  if (!controller) return false;
  controller.abort();
  return true;
}

/**
 * Progress for one task, at most ~10 events a second (a 2 GB file arrives in thousands of
 * chunks; one event each would flood IPC and SSE). The first and last events always go out.
 */
export function progressReporter(ctx: CoreContext, taskId: string, label: string, total: number) {
  let last = 0;
  return (done: number, force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    ctx.events.emit('progress', { taskId, label, done, total });
  };
}

/** Stored objects with an import in flight: delete must not unlink them from under it. */
const inFlight = new Map<string, number>();

export function holdObject(sha256: string): () => void {
  inFlight.set(sha256, (inFlight.get(sha256) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (inFlight.get(sha256) ?? 1) - 1;
    if (n <= 0) inFlight.delete(sha256);
    else inFlight.set(sha256, n);
  };
}

export function isHeld(sha256: string): boolean {
  return inFlight.has(sha256);
}
