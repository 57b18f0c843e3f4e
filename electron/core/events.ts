import type { EventName, EventPayload } from '../../shared/contracts/events';

type Listener = (name: EventName, payload: unknown) => void;

/** Fan-out of main-side events to whichever transports are attached (IPC window, SSE clients). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
