/** The ai-systems domain's public face: other domains and the shell import only from here. */
export { aiSystemHandlers } from './handlers';
