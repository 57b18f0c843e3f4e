/**
 * Files crossing the boundary. Inbound: ordered chunks into a private, hashed file (one registry
 * per core) used by incoming.* and evidence uploads; finished incoming files are taken once by
 * token. Outbound: one chunk reader for every file a page downloads.
 */
export { transferHandlers } from './handlers';
export { createTransferState, type TransferState } from './state';
export { transferKind, type TransferKind, type BeginOptions } from './inbound';
export { openReceiver, type FileReceiver, type Received } from './receiver';
export {
  incomingDir,
  incomingName,
  readIncoming,
  sweepIncoming,
  takeIncoming,
  withIncoming,
} from './incoming';
export { readFileChunk, readSlice } from './read-chunk';
export { isInside, resolveInside } from './inside';
