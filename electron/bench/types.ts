/** One line of `npm run bench`: what was measured, on what size, and against which aim. */
export interface BenchRow {
  name: string;
  size: string;
  value: string;
  baseline?: string;
  ratio?: string;
  aim?: string;
}
