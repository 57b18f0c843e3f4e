import type { BlobRecord } from './changeset';

/** What happened to one incoming change. */
export type Outcome = 'applied' | 'same' | 'kept' | 'conflict';

/** A change set the receiver cannot take; nothing has been written. */
export class SyncRefusal extends Error {
  constructor(
    readonly code: 'NEWER' | 'TAMPERED' | 'FOREIGN' | 'MISSING',
    message: string,
  ) {
    super(message);
  }
}

export interface MergeContext {
  engagementId: string;
  now: string;
  newId: () => string;
  blobs: Map<string, BlobRecord>;
}
