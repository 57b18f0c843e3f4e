/** The app domain's public face: other domains and the shell import only from here. */
export { appHandlers } from './handlers';
