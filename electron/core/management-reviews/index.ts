/** The management-reviews domain's public face (9.3): inputs compiled, decisions recorded. */
export { managementReviewHandlers } from './handlers';
export { compileInputs } from './inputs';
export { getReview, listReviews } from './queries';
export { managementReviewRecords } from './records';
export { seedReviewsDemo } from './demo';
