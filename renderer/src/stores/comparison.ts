import { api } from '../api/client';

/** What changed between two assessments of one engagement (the older is always "before"). */
export const fetchComparison = (a: string, b: string) =>
  api().invoke('comparison.compare', { a, b });

/** Every cycle's readiness, oldest first. */
export const fetchTrend = (engagementId: string) =>
  api().invoke('comparison.trend', { engagementId });
