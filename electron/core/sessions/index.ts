/** The sessions domain's public face: other domains and the shell import only from here. */
export { sessionHandlers } from './handlers';
export { createSession, listSessions } from './sessions';
