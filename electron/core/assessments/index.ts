/** The assessments domain's public face: other domains and the shell import only from here. */
export { assessmentHandlers } from './handlers';
export {
  createAssessment,
  getAssessment,
  listAssessments,
  writableAssessment,
} from './assessments';
