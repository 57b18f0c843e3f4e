/** The responses domain's public face: other domains and the shell import only from here. */
export { responseHandlers } from './handlers';
export { listResponses, saveResponse } from './responses';
