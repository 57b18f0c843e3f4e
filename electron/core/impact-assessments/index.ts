/** The impact-assessments domain's public face: other domains and the shell import only from here. */
export { impactAssessmentHandlers } from './handlers';
export { listImpactAssessments } from './assessments';
export { seedImpactAssessmentDemo } from './demo';
