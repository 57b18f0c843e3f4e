/** Cancellable tasks and their progress: the per-core registry (made in start.ts) and its reporter. */
export { createTasks, type Tasks } from './registry';
export { progressReporter, type ReportProgress } from './progress';
