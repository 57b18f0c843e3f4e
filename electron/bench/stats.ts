/** Percentiles and formatting shared by the bench rows. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** This process's CPU time (user + system) in ms since `start`, or since it began. */
export function cpuMs(start?: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Wall and CPU time of `fn`. On a shared, loaded machine the wall time waits for other
 * processes; the CPU time is this work's own cost, comparable between runs.
 */
export function timeWallCpu(fn: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const wall = timeMs(fn);
  return { wall, cpu: cpuMs(cpu) };
}
