import type { EventBus } from '../events';

/**
 * Progress for one task, at most ~10 events a second (a 2 GB file arrives in thousands of
 * chunks; one event each would flood IPC and SSE). Forced events (the first and the last) always
 * go out.
 */
export function progressReporter(events: EventBus, taskId: string, label: string, total: number) {
  let last = 0;
  return (done: number, force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    events.emit('progress', { taskId, label, done, total });
  };
}

export type ReportProgress = ReturnType<typeof progressReporter>;
