/** The transfer domain's public face: other domains and the shell import only from here. */
export { transferHandlers } from './handlers';
