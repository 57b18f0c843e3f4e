import { contextBridge, ipcRenderer } from 'electron';
import { commandNames } from '../shared/contracts';
import { eventNames } from '../shared/contracts/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

// Only `invoke` for registered commands and `on` for registered events cross into the page.
const allowedCommands = new Set<string>(commandNames);
const allowedEvents = new Set<string>(eventNames);

contextBridge.exposeInMainWorld('assay', {
  invoke(command: string, input: unknown): Promise<unknown> {
    if (!allowedCommands.has(command)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'UNKNOWN_COMMAND',
          message: `There is no command named "${String(command).slice(0, 100)}".`,
        },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, command, input);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!allowedEvents.has(event) || typeof callback !== 'function') return () => undefined;
    const listener = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
});
