import { conflict } from '../errors';

/**
 * Work in flight in one core: cancellable tasks by the id the page chose (so evidence.cancelImport
 * can stop an import from any transport) and keys held by running work (a stored object an
 * import is about to name must not be deleted from under it). Created per core in start.ts,
 * never module-level, so two data directories in one process never see each other's work.
 */
export interface Tasks {
  /** Registers a running task; refused while another with the same id runs. */
  start(taskId: string): AbortSignal;
  end(taskId: string): void;
  /** Aborts a running task; false when none runs under that id. */
  cancel(taskId: string): boolean;
  /** Marks `key` as needed by running work until the returned release is called (idempotent). */
  hold(key: string): () => void;
  isHeld(key: string): boolean;
}

export function createTasks(): Tasks {
  const running = new Map<string, AbortController>();
  const held = new Map<string, number>();
  return {
    start(taskId) {
      const existing = running.get(taskId);
      if (existing && !existing.signal.aborted)
        throw conflict(`A task with id ${taskId} is already running.`);
      const controller = new AbortController();
      running.set(taskId, controller);
      return controller.signal;
    },
    end(taskId) {
      running.delete(taskId);
    },
    cancel(taskId) {
      const controller = running.get(taskId);
      if (!controller) return false;
      controller.abort();
      return true;
    },
    hold(key) {
      held.set(key, (held.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const n = (held.get(key) ?? 1) - 1;
        if (n <= 0) held.delete(key);
        else held.set(key, n);
      };
    },
    isHeld: (key) => held.has(key),
  };
}
