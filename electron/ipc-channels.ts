/** IPC channel names shared by main.ts and preload.ts (no Node or Electron imports here). */
export const INVOKE_CHANNEL = 'assay:invoke';
export const EVENT_CHANNEL = 'assay:event';
