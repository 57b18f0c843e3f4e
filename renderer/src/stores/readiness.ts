import { api } from '../api/client';

/** Scores, verdict and documented information of one assessment, computed afresh each time. */
export const fetchReadiness = (assessmentId: string) =>
  api().invoke('readiness.get', { assessmentId });
