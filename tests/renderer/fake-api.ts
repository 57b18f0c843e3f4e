import type { CommandInput, CommandName, CommandOutput } from '../../shared/contracts';
import type { EventName, EventPayload } from '../../shared/contracts/events';
import { setApi, type Api } from '../../renderer/src/api/client';

/** A command the store sent that has not been answered yet. */
export interface PendingCall {
  command: CommandName;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface FakeApi {
  /** Every call not answered yet, oldest first. */
  pending: PendingCall[];
  /** Every call sent so far, answered or not. */
  sent: { command: CommandName; input: unknown }[];
  /** Answers the oldest pending call of `command` (optionally the first whose input matches). */
  answer<N extends CommandName>(
    command: N,
    value: CommandOutput<N>,
    match?: (input: CommandInput<N>) => boolean,
  ): Promise<void>;
  /** Fails the oldest pending call of `command` (optionally the first whose input matches). */
  fail<N extends CommandName>(
    command: N,
    message: string,
    match?: (input: CommandInput<N>) => boolean,
  ): Promise<void>;
  /** Sends an event to every listener, as the main side would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** Lets every promise chain that can move on do so. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Installs an API whose every command waits until the test answers it, so a test decides the
 * order in which answers arrive (a late answer for what the user left is the interesting case).
 */
export function installFakeApi(): FakeApi {
  const pending: PendingCall[] = [];
  const sent: FakeApi['sent'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const take = (command: CommandName, match?: (input: never) => boolean): PendingCall => {
    const index = pending.findIndex(
      (c) => c.command === command && (!match || match(c.input as never)),
    );
    const call = pending[index];
    if (!call) {
      const waiting = pending.map((c) => c.command).join(', ') || 'nothing';
      throw new Error(`No pending ${command} call to answer (waiting: ${waiting}).`);
    }
    pending.splice(index, 1);
    return call;
  };

  const api: Api = {
    transport: 'http',
    invoke(command, input) {
      sent.push({ command, input });
      return new Promise((resolve, reject) => {
        pending.push({ command, input, resolve: resolve as (v: unknown) => void, reject });
      });
    },
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(callback as (payload: unknown) => void);
    },
  };
  setApi(api);

  return {
    pending,
    sent,
    async answer(command, value, match) {
      take(command, match as (input: never) => boolean).resolve(value);
      await settle();
    },
    async fail(command, message, match) {
      take(command, match as (input: never) => boolean).reject(new Error(message));
      await settle();
    },
    emit(event, payload) {
      for (const callback of listeners.get(event) ?? []) callback(payload);
    },
  };
}
