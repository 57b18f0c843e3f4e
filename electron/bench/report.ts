import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../core/demo';
import { renderReport, renderWordReport } from '../core/reports';
import { startBenchCore } from './setup';
import type { BenchRow } from './types';

const MB = 1024 * 1024;

/**
 * The full gap assessment report of one large-demo assessment (every requirement answered with
 * long notes, 100 findings, the 10,000-risk register of the first client), rendered as a draft
 * in the worker: pages, wall time including data collection and both layout passes, and the
 * process's peak resident memory (main thread and worker share the process; sampled every 50 ms
 * on the main side, plus the worker's maxRSS from resourceUsage).
 */
export async function benchReport(): Promise<BenchRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-report-'));
  try {
    const core = await startBenchCore(path.join(work, 'data'));
    try {
      const demo = await seedDemo(core.ctx, { size: 'large', seed: 7 });
      const assessmentId = demo.assessmentIds[0] ?? '';
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const result = await renderReport(core.ctx, { assessmentId, kind: 'full', draft: true });
      const seconds = (performance.now() - started) / 1000;
      const wordStarted = performance.now();
      const word = await renderWordReport(core.ctx, { assessmentId, kind: 'full', draft: true });
      const wordSeconds = (performance.now() - wordStarted) / 1000;
      return [
        {
          name: 'Full gap assessment report (PDF, draft, worker thread)',
          size: `1 large-demo assessment: ${result.pages} pages, ${(result.pdf.length / MB).toFixed(1)} MB`,
          value: `${seconds.toFixed(2)} s, peak RSS ${Math.round(result.peakRss / MB)} MB (process before: ${Math.round(rssBefore / MB)} MB)`,
          aim: 'about 100 pages in under 5 s and under 400 MB',
        },
        {
          name: 'Full gap assessment report (Word, draft, worker thread)',
          size: `the same assessment: ${(word.docx.length / MB).toFixed(1)} MB of .docx`,
          value: `${wordSeconds.toFixed(2)} s, peak RSS ${Math.round(word.peakRss / MB)} MB`,
          baseline: `the PDF of the same data in this run: ${seconds.toFixed(2)} s`,
          ratio: `${(wordSeconds / seconds).toFixed(2)}× the PDF's time`,
          aim: 'no slower than the PDF',
        },
      ];
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
