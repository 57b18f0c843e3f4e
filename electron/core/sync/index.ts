/** Sync: change capture, change sets and field-by-field merge (see DESIGN.md). */
export { asActor, installCapture, replicaOf } from './capture';
export { buildChangeSet, changeSetSchema, versionVector, type ChangeSet } from './changeset';
export { readChangeSet } from './read-set';
export { applyChangeSet, type ApplyOptions, type ApplyReport } from './apply';
export { SyncRefusal } from './merger';
export { openConflicts, conflictById, type ConflictRecord } from './conflicts';
export { resolveConflict, type Resolution } from './resolve';
export { describeConflicts, type ConflictSide, type ConflictView } from './describe';
export { conflictHandlers } from './handlers';
export { checkReplica, noteIssued } from './identity';
