import { api } from '../api/client';

/** Scores, gates, stage verdicts, documents and consistency checks, computed afresh each time. */
export const fetchReadiness = (assessmentId: string) =>
  api().invoke('readiness.get', { assessmentId });

/** The consistency checks of an assessment; with `ref`, only those shown at that requirement. */
export const fetchConsistency = (assessmentId: string, ref?: string) =>
  api().invoke('readiness.checks', ref === undefined ? { assessmentId } : { assessmentId, ref });

/** The consistency checks that name one risk, across the SoAs of its engagement. */
export const fetchRiskConsistency = (riskId: string) =>
  api().invoke('readiness.riskChecks', { riskId });
