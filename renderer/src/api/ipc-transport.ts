import type { Result } from '../../../shared/contracts/envelope';
import type { AssayBridge, Transport } from './transport';

export function ipcTransport(bridge: AssayBridge): Transport {
  return {
    kind: 'ipc',
    invoke: async (command, input) => (await bridge.invoke(command, input)) as Result<unknown>,
    on: (event, callback) => bridge.on(event, callback),
  };
}
