/** The demo orchestrator (`assay demo`): each room seeds its own records; this calls them in turn. */
export { seedDemo, type DemoOptions, type DemoReport, type DemoSize } from './seed';
export type { DemoKit, DemoScope, DemoTexts, Rng } from './kit';
export { seededRng } from './rng';
