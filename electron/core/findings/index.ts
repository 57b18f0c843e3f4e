/** The findings domain's public face: other domains and the shell import only from here. */
export { findingHandlers } from './handlers';
export { createFinding, listFindings } from './findings';
