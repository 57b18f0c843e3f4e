import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CoreContext } from '../context';
import { findAppRoot } from '../paths';
import { reportData } from './data';
import { collectGarbage } from './collect-garbage';
import type {
  RenderRequest,
  ReportFormat,
  ReportKind,
  ReportSigner,
  WorkerBoot,
  WorkerMessage,
  WorkerRequest,
} from './types';
import type { ReportTemplate } from '../../../shared/contracts/reports';

export interface RenderInput {
  assessmentId: string;
  kind: ReportKind;
  draft: boolean;
  signer?: ReportSigner | null;
  omitConfidential?: boolean;
  /** A saved template's sections instead of the kind's (full report only). */
  template?: ReportTemplate | null;
  /** Names the progress events; the renderer picks it so it can follow its own export. */
  taskId?: string;
}

export interface Progress {
  taskId: string;
  label: string;
  done: number;
  total: number;
}

export interface RenderOutput {
  pdf: Buffer;
  pages: number;
  /** Peak resident memory of the process (main thread and worker) during the render, bytes. */
  peakRss: number;
}

/**
 * The built worker file. The main bundle puts it next to itself (out/main/report-worker.js);
 * shared code may sit one level down in out/main/chunks. Tests and the CLI running from source
 * use the built file too, so run `npx electron-vite build` first.
 */
export function workerPath(): string {
  const candidates = [
    path.join(__dirname, 'report-worker.js'),
    path.join(__dirname, '..', 'report-worker.js'),
  ];
  try {
    candidates.push(path.join(findAppRoot(__dirname), 'out', 'main', 'report-worker.js'));
  } catch {
    // Not inside the source tree (a packaged app): only the paths next to the bundle apply.
  }
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `The report worker is not built (looked for ${candidates.join(', ')}). Run "npx electron-vite build".`,
    );
  }
  return found;
}

/** Progress goes both to the event bus (the renderer follows its taskId) and to the caller (the CLI). */
export function progressReporter(
  ctx: CoreContext,
  taskId: string,
  onProgress?: (p: Progress) => void,
): (label: string, done: number, total: number) => void {
  return (label, done, total) => {
    const p = { taskId, label, done, total };
    ctx.events.emit('progress', p);
    onProgress?.(p);
  };
}

/** What the sign-off page shows of a signer; never the key, which stays out of the worker. */
export const signerShown = (identity: ReportSigner): ReportSigner => ({
  name: identity.name,
  role: identity.role,
  organisation: identity.organisation,
  fingerprint: identity.fingerprint,
});

export interface WorkerResult {
  file: Buffer;
  pages: number | null;
  peakRss: number;
}

/**
 * Gathers the data on the main thread (a few queries) and has the worker draw it in the asked
 * format, following its progress and sampling the process's peak memory.
 */
async function renderInWorker(
  ctx: CoreContext,
  input: RenderInput,
  format: ReportFormat,
  onProgress?: (p: Progress) => void,
): Promise<WorkerResult> {
  const taskId = input.taskId ?? ctx.newId();
  const emit = progressReporter(ctx, taskId, onProgress);
  const fontsDir = path.join(ctx.resourcesDir, 'fonts');
  const result = await runWorker(
    { format, fontsDir },
    () => gather(ctx, input, format, fontsDir, taskId, emit),
    emit,
  );
  emit('Report rendered', result.pages ?? 1, result.pages ?? 1);
  return result;
}

/**
 * Runs one job in the report worker (a report, or a signed record): the worker starts first and
 * loads its renderer and fonts while `request` reads the database; follows its progress and
 * samples the process's peak memory.
 */
export async function runWorker(
  boot: WorkerBoot,
  request: () => WorkerRequest | Promise<WorkerRequest>,
  emit: (label: string, done: number, total: number) => void,
): Promise<WorkerResult> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const worker = new Worker(workerPath(), {
    workerData: boot,
    // React and react-pdf's reconciler pick their build from NODE_ENV when first loaded, and
    // nothing sets it in the app, the CLI or the bench: the worker ran React's development
    // build, which checks and records extra debugging facts for every element of a report of
    // tens of thousands. Its warnings reach no one here (no devtools, and the element tree is
    // ours), so the worker always loads the production build: the same PDF, and on the large
    // demo's report ~3% less CPU and a peak 10–20 MB lower in alternating runs.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    const result = await new Promise<{ file: Uint8Array; pages: number | null; rssPeak: number }>(
      (resolve, reject) => {
        let settled = false;
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'progress') emit(m.label, m.done, m.total);
          else if (m.type === 'done') {
            settled = true;
            resolve(m);
          } else {
            settled = true;
            reject(new Error(`The report could not be rendered: ${m.message}`));
          }
        });
        worker.on('error', (error) => {
          settled = true;
          reject(error);
        });
        worker.on('exit', (code) => {
          if (!settled) reject(new Error(`The report worker stopped (exit code ${code}).`));
        });
        Promise.resolve()
          .then(request)
          .then((message) => {
            worker.postMessage(message);
            // The worker has its copy; what the queries built here is garbage, tens of MB of
            // it, which V8 would keep (this thread allocates little while it waits) through
            // the render's peak. One collection now lowers that peak.
            setImmediate(collectGarbage);
          })
          .catch((error: unknown) => {
            settled = true;
            reject(error instanceof Error ? error : new Error(String(error)));
          });
      },
    );
    peakRss = Math.max(peakRss, result.rssPeak, process.memoryUsage().rss);
    const file = Buffer.from(result.file.buffer, result.file.byteOffset, result.file.byteLength);
    return { file, pages: result.pages, peakRss };
  } finally {
    clearInterval(sampler);
    // Ends a worker left waiting when the data could not be gathered; a finished one has exited.
    void worker.terminate();
  }
}

/** The worker's request: the report data, read here (a few queries) and handed over as a copy. */
async function gather(
  ctx: CoreContext,
  input: RenderInput,
  format: ReportFormat,
  fontsDir: string,
  taskId: string,
  emit: (label: string, done: number, total: number) => void,
): Promise<RenderRequest> {
  emit('Collecting the assessment records', 0, 1);
  // The queries below hold the thread for a second or two: let the step reach the screen first.
  await new Promise((resolve) => setImmediate(resolve));
  const data = reportData(ctx, input.assessmentId, {
    kind: input.kind,
    omitConfidential: input.omitConfidential,
    template: input.template,
  });
  emit('Collecting the assessment records', 1, 1);
  return { format, data, draft: input.draft, signer: input.signer ?? null, fontsDir, taskId };
}

/** Renders a report as PDF in a worker thread. */
export async function renderReport(
  ctx: CoreContext,
  input: RenderInput,
  onProgress?: (p: Progress) => void,
): Promise<RenderOutput> {
  const { file, pages, peakRss } = await renderInWorker(ctx, input, 'pdf', onProgress);
  return { pdf: file, pages: pages ?? 0, peakRss };
}

/** Builds the same report as an editable Word document in the worker thread. */
export async function renderWordReport(
  ctx: CoreContext,
  input: RenderInput,
  onProgress?: (p: Progress) => void,
): Promise<{ docx: Buffer; peakRss: number }> {
  const { file, peakRss } = await renderInWorker(ctx, input, 'docx', onProgress);
  return { docx: file, peakRss };
}
