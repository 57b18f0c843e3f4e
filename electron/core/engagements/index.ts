/** The engagements domain's public face: other domains and the shell import only from here. */
export { seedEngagementDemo } from './demo';
export { engagementHandlers } from './handlers';
export { getEngagement, listEngagements, requireEngagement } from './queries';
export { createEngagement } from './write';
