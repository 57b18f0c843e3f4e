/** The soa domain's public face: other domains and the shell import only from here. */
export { soaHandlers } from './handlers';
export { listSoa, saveSoaEntry } from './soa';
