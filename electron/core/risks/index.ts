/** The risks domain's public face: other domains and the shell import only from here. */
export { riskHandlers } from './handlers';
