/**
 * The report worker: lays out and writes the PDF (or builds the Word file) off the main thread.
 * Built as its own entry (out/main/report-worker.js). @react-pdf/renderer is ESM-only and this
 * bundle is CommonJS, so it is loaded with a dynamic import.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { reportParts } from './document';
import { renderReportPdf } from './report-pdf';
import type { Pdf } from './document/kit';
import { buildRecordPdf } from './document/record';
import type {
  RecordRequest,
  RenderRequest,
  WorkerBoot,
  WorkerMessage,
  WorkerRequest,
} from './types';
import { countPages } from './worker-pages';
import { loadPdf } from './document/fonts';
import { reportSections } from './content/sections';
import { layoutProgress } from './document/layout-progress';

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

async function renderWord(req: RenderRequest): Promise<void> {
  // Loaded only for a Word file: a PDF render does not carry the docx library's weight.
  const { renderDocx } = await import('./docx');
  const docx = await renderDocx(
    { d: req.data, draft: req.draft, signer: req.signer, fontsDir: req.fontsDir },
    (title, done, total) =>
      post({ type: 'progress', label: `Writing the Word document: ${title}`, done, total }),
  );
  const file = new Uint8Array(docx);
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  post({ type: 'done', file, pages: null, rssPeak }, [file.buffer as ArrayBuffer]);
}

async function render(req: RenderRequest, pdf: Promise<Pdf> | null): Promise<void> {
  if (req.format === 'docx' || !pdf) return renderWord(req);
  const P = await pdf;
  const progress = layoutProgress(reportSections(req.data).length, (step) =>
    post({ type: 'progress', ...step }),
  );
  const parts = reportParts(P, req.data, {
    draft: req.draft,
    signer: req.signer,
    onMeasure: progress.onMeasure,
  });
  const file = await renderReportPdf(P, parts, progress);
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  post({ type: 'done', file, pages: countPages(file), rssPeak }, [file.buffer as ArrayBuffer]);
}

/** A signed record (audit report, minutes): a few pages, drawn in one go. */
async function renderRecord(req: RecordRequest, pdf: Promise<Pdf> | null): Promise<void> {
  const options = { draft: req.draft, signer: req.signer };
  let file: Uint8Array;
  let pages: number | null = null;
  if (req.format === 'docx' || !pdf) {
    const { renderRecordDocx } = await import('./docx/record');
    file = new Uint8Array(await renderRecordDocx(req.record, options));
  } else {
    const P = await pdf;
    const element = buildRecordPdf(P, req.record, options);
    file = new Uint8Array(
      await P.renderToBuffer(element as Parameters<typeof P.renderToBuffer>[0]),
    );
    pages = countPages(file);
  }
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  post({ type: 'done', file, pages, rssPeak }, [file.buffer as ArrayBuffer]);
}

const fail = (error: unknown) =>
  post({
    type: 'error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });

const boot = workerData as WorkerBoot;
const pdf = boot.format === 'pdf' ? loadPdf(boot.fontsDir) : null;
// Until the request arrives a failed load is held, not thrown; render() awaits it and reports it.
pdf?.catch(() => undefined);
parentPort?.once('message', (req: WorkerRequest) => {
  ('job' in req ? renderRecord(req, pdf) : render(req, pdf)).catch(fail);
});
