/** The findings domain's public face: other domains and the shell import only from here. */
export { seedFindingsDemo } from './demo';
export { demoPlanFor, demoStatementFor, type DemoPlan } from './demo-areas';
export { findingHandlers } from './handlers';
export { getFinding, listFindings } from './queries';
export { createFinding } from './write';
export { setFindingClosure } from './closure';
