/** The assessments domain's public face: other domains and the shell import only from here. */
export { seedAssessmentDemo } from './demo';
export { assessmentHandlers } from './handlers';
export {
  assessmentRecord,
  getAssessment,
  listAssessments,
  writableAssessment,
  type AssessmentRecord,
} from './queries';
export { createAssessment, saveScoping, setAssessmentStatus, startAssessment } from './write';
