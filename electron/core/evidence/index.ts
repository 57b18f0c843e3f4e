/**
 * The evidence domain's public face: other rooms, the CLI, the web server and the bench import
 * only from here. Records and links (queries, edit, links), the content-addressed vault
 * (vault-paths, import, store, check, sweep), pages' uploads through the transfer room (upload),
 * previews and the request list, and the room's demo seed.
 */
export { evidenceHandlers } from './handlers';
export { listEvidence } from './queries';
export { deleteEvidence } from './edit';
export { importFile, importStream, type ImportOptions } from './import';
export { importFilesAllOrNothing } from './import-many';
export { abortUpload, beginUpload, endUpload, sendChunk, type UploadStart } from './upload';
export { checkVault } from './check';
export { sweepVaultTemp } from './sweep';
export { objectPath, resolveObject, vaultDirs } from './vault-paths';
export { seedEvidenceDemo, type EvidenceDemoScope } from './demo';
export { seedEvidenceVaultDemo } from './demo-vault';
