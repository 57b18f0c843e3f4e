/** The cycle domain's public face: the next assessment from the last, what it carried over. */
export { cycleHandlers } from './handlers';
export { carriedFindingsOf } from './carried-findings';
export { linkedEvidence } from './evidence-age';
export { finalisedAt, previousAssessment } from './links';
export { linkNextCycle, startNextCycle } from './start-next';
