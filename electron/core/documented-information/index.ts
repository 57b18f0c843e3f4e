/** The documented-information domain's public face: other domains and the shell import only from here. */
export { seedDocumentsDemo } from './demo';
export { documentHandlers } from './handlers';
export { documentFacts, listDocuments, today } from './queries';
export { saveDocument } from './write';
