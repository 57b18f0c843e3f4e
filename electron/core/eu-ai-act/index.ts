/** The EU AI Act room: obligations from each AI system's scoping, and how 42001 supports them. */
export { euAiActHandlers } from './handlers';
export { euAiActView, EU_AI_ACT } from './obligations';
export { exportEuAiActXlsx } from './export';
