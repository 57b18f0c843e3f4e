import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contracts';
import { CommandError } from '../../../shared/contracts/envelope';
import type { EventName, EventPayload } from '../../../shared/contracts/events';
import { httpTransport, takeToken } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

/** The typed client: the only code in the renderer that talks to the main side. */
export interface Api {
  transport: Transport['kind'];
  invoke<N extends CommandName>(command: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
}

export function createApi(transport: Transport): Api {
  return {
    transport: transport.kind,
    async invoke(command, input) {
      const result = await transport.invoke(command, input);
      if (!result.ok) throw new CommandError(result.error);
      return result.value as CommandOutput<typeof command>;
    },
    on(event, callback) {
      return transport.on(event, callback as (payload: unknown) => void);
    },
  };
}

/** Picks the transport: the preload bridge inside Electron, loopback HTTP in a browser. */
export function connect(): Api | null {
  if (window.assay) return createApi(ipcTransport(window.assay));
  const token = takeToken();
  return token ? createApi(httpTransport(token)) : null;
}

let current: Api | null = null;

export function setApi(api: Api): void {
  current = api;
}

export function api(): Api {
  if (!current) throw new Error('The API is used before it was connected.');
  return current;
}
