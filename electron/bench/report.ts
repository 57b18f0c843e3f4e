import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../core/demo';
import { renderReport, renderWordReport } from '../core/reports';
import { startBenchCore } from './setup';
import type { BenchRow } from './types';

const MB = 1024 * 1024;

const cpuSeconds = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1e6;

/** What one report render in its own process measured (printed by the child as JSON). */
interface ChildResult {
  format: 'pdf' | 'docx';
  pages: number | null;
  bytes: number;
  seconds: number;
  /**
   * CPU time of the whole process (user + system, every thread), seconds. Wall time on this
   * shared 2-core machine moves with the other work running; CPU time much less, so it is what
   * compares two runs made at different loads.
   */
  cpuSeconds: number;
  /** The child process's peak resident memory (getrusage): main thread, worker and the store. */
  peakMb: number;
  /** The sections the progress named while measuring (Word: writing), in the order reached. */
  sections: string[];
  /** The passes the progress went through, in order (the label's first words). */
  phases: string[];
}

/**
 * `bench.js --report-child DIR ASSESSMENT FORMAT`: opens the store, renders the full draft report
 * (data gathering, layout, writing) and prints what it measured. Run as its own process so its
 * peak memory is the report's, not the demo seed's.
 */
export async function reportChild(
  dataDir: string,
  assessmentId: string,
  format: 'pdf' | 'docx',
): Promise<void> {
  const started = performance.now();
  const core = await startBenchCore(dataDir);
  try {
    const sections: string[] = [];
    const phases: string[] = [];
    const onProgress = ({ label }: { label: string }) => {
      const section = /^(?:Measuring the text of|Writing the Word document:) (.+)$/.exec(label);
      if (section?.[1] && sections.at(-1) !== section[1]) sections.push(section[1]);
      const phase = /^(Collecting|Measuring|Laying out|Numbering|Writing|Report rendered)/.exec(
        label,
      )?.[1];
      if (phase && phases.at(-1) !== phase) phases.push(phase);
    };
    const input = { assessmentId, kind: 'full' as const, draft: true };
    const out =
      format === 'pdf'
        ? await renderReport(core.ctx, input, onProgress)
        : await renderWordReport(core.ctx, input, onProgress);
    const result: ChildResult = {
      format,
      pages: 'pages' in out ? out.pages : null,
      bytes: 'pdf' in out ? out.pdf.length : out.docx.length,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuSeconds(process.cpuUsage()),
      peakMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
      sections,
      phases,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    core.close();
  }
}

function renderInChild(
  dataDir: string,
  assessmentId: string,
  format: 'pdf' | 'docx',
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // The bench's own entry (out/main/bench.js), in child mode.
      [process.argv[1] ?? '', '--report-child', dataDir, assessmentId, format],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ChildResult);
      else reject(new Error(`the report process exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

/** A demo (large or small, seed 7) in a temporary data directory; the store is closed again. */
async function demoStore(
  work: string,
  size: 'large' | 'small',
): Promise<{ dataDir: string; assessmentId: string }> {
  const dataDir = path.join(work, size);
  const core = await startBenchCore(dataDir);
  try {
    const demo = await seedDemo(core.ctx, { size, seed: 7 });
    return { dataDir, assessmentId: demo.assessmentIds[0] ?? '' };
  } finally {
    core.close();
  }
}

const describe = (r: ChildResult) =>
  `${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), peak RSS ${r.peakMb} MB (the report's own process)`;

/**
 * The full gap assessment report of the large demo's first client (two cycles, every section
 * populated: long notes, 100 findings, the corrective actions, the comparison with last year, the
 * 10,000-risk register's 100 highest, 252 evidence files) rendered as a draft, each format in a
 * process of its own: wall time from the process's start (store opened, data gathered, laid out,
 * written), its peak resident memory, and the sections the progress bar moved through. Baseline in
 * the same run: the small demo's report, the same way.
 */
export async function benchReport(): Promise<BenchRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-report-'));
  try {
    const large = await demoStore(work, 'large');
    const small = await demoStore(work, 'small');
    const pdf = await renderInChild(large.dataDir, large.assessmentId, 'pdf');
    const base = await renderInChild(small.dataDir, small.assessmentId, 'pdf');
    const word = await renderInChild(large.dataDir, large.assessmentId, 'docx');
    const perPage = (r: ChildResult) => (r.seconds / (r.pages ?? 1)) * 1000;
    return [
      {
        name: 'Full gap assessment report (PDF, draft, its own process)',
        size: `1 large-demo assessment: ${pdf.pages} pages, ${(pdf.bytes / MB).toFixed(1)} MB; progress through ${pdf.sections.length} sections (${pdf.sections[0]} … ${pdf.sections.at(-1)}) in the passes ${pdf.phases.join(' → ')}`,
        value: describe(pdf),
        baseline: `the small demo's report in this run: ${base.pages} pages, ${describe(base)}`,
        ratio: `${perPage(pdf).toFixed(0)} ms a page against ${perPage(base).toFixed(0)} ms`,
        aim: 'at least 100 pages in under 5 s and under 400 MB',
      },
      {
        name: 'Full gap assessment report (Word, draft, its own process)',
        size: `the same assessment: ${(word.bytes / MB).toFixed(1)} MB of .docx`,
        value: describe(word),
        baseline: `the PDF of the same data in this run: ${pdf.seconds.toFixed(2)} s`,
        ratio: `${(word.seconds / pdf.seconds).toFixed(2)}× the PDF's time`,
        aim: 'no slower than the PDF',
      },
    ];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
