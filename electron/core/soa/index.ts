/** The soa domain's public face: other domains and the shell import only from here. */
export { seedSoaDemo } from './demo';
export { soaHandlers } from './handlers';
export { listSoa } from './queries';
export { saveSoaEntry } from './write';
export { soaDecisions, type SoaDecision } from './decisions';
