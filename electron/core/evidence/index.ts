/** The evidence domain's public face: other domains and the shell import only from here. */
export { evidenceHandlers } from './handlers';
