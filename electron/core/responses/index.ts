/** The responses domain's public face: other domains and the shell import only from here. */
export { seedAnswersDemo, type DemoAnswer } from './demo';
export { responseHandlers } from './handlers';
export { listResponses } from './queries';
export { saveResponse } from './save';
