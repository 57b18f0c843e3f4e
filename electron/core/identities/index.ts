/** The identities domain's public face: other domains and the shell import only from here. */
export { identityHandlers } from './handlers';
