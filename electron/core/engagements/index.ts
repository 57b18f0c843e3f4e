/** The engagements domain's public face: other domains and the shell import only from here. */
export { engagementHandlers } from './handlers';
export { createEngagement, getEngagement, listEngagements } from './engagements';
export { requireEngagement } from './scope';
