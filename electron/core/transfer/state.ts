import { Transfers } from './inbound';
import { ReceivedFiles } from './received-files';

/** A core's transfers: those still arriving and the finished files waiting for their consumer. */
export interface TransferState {
  inbound: Transfers;
  received: ReceivedFiles;
  /** Drops whatever is still arriving (the core is closing). */
  close(): Promise<void>;
}

export function createTransferState(): TransferState {
  const inbound = new Transfers();
  const received = new ReceivedFiles();
  return {
    inbound,
    received,
    close: async () => {
      received.close();
      await inbound.close();
    },
  };
}
