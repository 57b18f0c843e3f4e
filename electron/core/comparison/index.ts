/** The comparison domain's public face: what changed between cycles, and the trend over all. */
export { comparisonHandlers } from './handlers';
export { compareAssessments } from './compare';
export { readinessTrend } from './trend';
export { riskLevelsAt } from './risk-history';
