/** The ai-systems domain's public face: other domains and the shell import only from here. */
export { aiSystemHandlers } from './handlers';
export { listAiSystems } from './systems';
export { seedAiSystemDemo } from './demo';
export type { DemoSystemKey } from './demo-data';
