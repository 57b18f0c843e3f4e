/**
 * The ISO/IEC 27001 reuse room: a client's 27001 SoA or assessment sheet imported per engagement
 * (sheet), and per 42001 requirement what it says, the answer it suggests and the evidence it
 * names (reuse); a suggestion becomes an answer only when the consultant confirms it (confirm).
 */
export { iso27001Handlers } from './handlers';
export { iso27001Reuse } from './reuse';
export { latestImport } from './imports';
