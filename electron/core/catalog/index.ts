/** The catalog domain's public face: other domains and the shell import only from here. */
export { catalogHandlers } from './handlers';
export { CatalogError, loadCatalogs, type CatalogLoadReport } from './load';
export { getCatalog, isAssessableFramework, listFrameworks, scopingQuestions } from './views';
export { catalogOverlaps } from './overlaps';
export {
  requirementIndex,
  type IndexedRequirement,
  type RequirementIndex,
} from './requirement-index';
