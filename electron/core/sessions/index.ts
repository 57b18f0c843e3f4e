/** The sessions domain's public face: other domains and the shell import only from here. */
export { seedSessionsDemo } from './demo';
export { sessionHandlers } from './handlers';
export { listSessions } from './queries';
export { createSession } from './write';
