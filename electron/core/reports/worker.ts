/**
 * The report worker: lays out and writes the PDF (or builds the Word file) off the main thread.
 * Built as its own entry (out/main/report-worker.js). @react-pdf/renderer is ESM-only and this
 * bundle is CommonJS, so it is loaded with a dynamic import.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildDocument } from './document';
import { renderDocx } from './docx';
import type { Pdf } from './document/kit';
import { buildRecordPdf } from './document/record';
import { renderRecordDocx } from './docx/record';
import type { RecordRequest, RenderRequest, WorkerMessage, WorkerRequest } from './types';
import { countPages } from './worker-pages';

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

function registerFonts(P: Pdf, dir: string): void {
  P.Font.register({
    family: 'DejaVu',
    fonts: [
      { src: path.join(dir, 'DejaVuSans.ttf') },
      { src: path.join(dir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
      { src: path.join(dir, 'DejaVuSans-Oblique.ttf'), fontStyle: 'italic' },
      // No bold-oblique face ships; bold italic text falls back to bold.
      { src: path.join(dir, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold', fontStyle: 'italic' },
    ],
  });
  P.Font.register({ family: 'DejaVuMono', src: path.join(dir, 'DejaVuSansMono.ttf') });
  // Words are never hyphenated: identifiers such as A.6.2.4 and hashes must stay whole.
  P.Font.registerHyphenationCallback((word) => [word]);
}

async function renderWord(req: RenderRequest): Promise<void> {
  const docx = await renderDocx(
    { d: req.data, draft: req.draft, signer: req.signer, fontsDir: req.fontsDir },
    (title, done, total) =>
      post({ type: 'progress', label: `Writing the Word document: ${title}`, done, total }),
  );
  const file = new Uint8Array(docx);
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  post({ type: 'done', file, pages: null, rssPeak }, [file.buffer as ArrayBuffer]);
}

/** A signed record: a few pages, drawn in one go. */
async function renderRecord(req: RecordRequest): Promise<void> {
  const options = { draft: req.draft, signer: req.signer };
  let file: Uint8Array;
  let pages: number | null = null;
  if (req.format === 'docx') {
    file = new Uint8Array(await renderRecordDocx(req.record, options));
  } else {
    const P = (await import('@react-pdf/renderer')) as Pdf;
    registerFonts(P, req.fontsDir);
    const element = buildRecordPdf(P, req.record, options);
    file = new Uint8Array(
      await P.renderToBuffer(element as Parameters<typeof P.renderToBuffer>[0]),
    );
    pages = countPages(file);
  }
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  post({ type: 'done', file, pages, rssPeak }, [file.buffer as ArrayBuffer]);
}

async function render(request: WorkerRequest): Promise<void> {
  if ('job' in request) return renderRecord(request);
  const req = request;
  if (req.format === 'docx') return renderWord(req);
  const P = (await import('@react-pdf/renderer')) as Pdf;
  registerFonts(P, req.fontsDir);
  let lastPage = 0;
  // The first pagination round does not know the page count yet (total undefined).
  const progress = (label: string) => (page: number, total: number | undefined) => {
    if (page <= lastPage) return;
    lastPage = page;
    post({ type: 'progress', label, done: page, total: total ?? page });
  };
  const label = 'Laying out pages';
  // One layout: the contents' page numbers are render props filled from `marks` (see contents()).
  const element = buildDocument(P, req.data, {
    draft: req.draft,
    signer: req.signer,
    marks: new Map<string, number>(),
    onPage: progress(label),
    onSection: (title, done, total) =>
      post({ type: 'progress', label: `${label}: ${title}`, done, total }),
  });
  const pdf = new Uint8Array(
    await P.renderToBuffer(element as Parameters<typeof P.renderToBuffer>[0]),
  );
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  post({ type: 'done', file: pdf, pages: countPages(pdf), rssPeak }, [pdf.buffer]);
}

render(workerData as WorkerRequest).catch((error: unknown) => {
  post({
    type: 'error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
});
