import type { Result } from '../../../shared/contracts/envelope';

/** What differs between Electron IPC and browser mode, behind one interface. */
export interface Transport {
  kind: 'ipc' | 'http';
  invoke(command: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

export interface AssayBridge {
  invoke(command: string, input: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload script. */
    assay?: AssayBridge;
  }
}
