import type { CommandInput } from '../../../shared/contracts';
import { api } from '../api/client';

export type ReviewInput = CommandInput<'managementReviews.save'>;

/** The management reviews of an engagement, newest first. */
export const fetchReviews = (engagementId: string) =>
  api().invoke('managementReviews.list', { engagementId });

/** The inputs Assay compiles now for the next review (a held review keeps its frozen ones). */
export const fetchReviewInputs = (engagementId: string) =>
  api().invoke('managementReviews.inputs', { engagementId });

export const saveReview = (input: ReviewInput) => api().invoke('managementReviews.save', input);
