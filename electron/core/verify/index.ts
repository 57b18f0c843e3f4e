/** The verify domain's public face: other domains and the shell import only from here. */
export { verifyHandlers } from './handlers';
export { isZip } from './incoming';
