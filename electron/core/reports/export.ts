import crypto from 'node:crypto';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/contracts';
import {
  reportKindLabels,
  type ReportExport,
  type ReportFormatName,
} from '../../../shared/contracts/reports';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { getAssessment } from '../assessments';
import { writeFileAtomicUnique } from '../files';
import { unlockIdentity } from '../identities';
import { signPdf, type UnlockedIdentity } from '../signing';
import { renderReport, renderWordReport, signerShown, type Progress } from './render';
import { templateNamed } from './templates';

export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/** A file-name part from a client name: letters and digits of any script, runs of others as "-". */
export function slug(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return cleaned || 'report';
}

export interface ExportResult extends ReportExport {
  path: string;
}

export interface ProducedReport {
  file: Buffer;
  format: ReportFormatName;
  /** The PDF's page count; null for a Word file. */
  pages: number | null;
  signed: boolean;
  peakRss: number;
  clientName: string;
}

/**
 * Renders (in the worker), signs a PDF unless it is a draft, and hands the bytes back. The
 * identity is unlocked first so a wrong passphrase fails before seconds of rendering. A Word file
 * is editable, so it is never digitally signed: it names the signer (whose passphrase proved the
 * identity) and says the signed PDF is the record.
 */
export async function produceReport(
  ctx: CoreContext,
  input: ParsedInput<'reports.export'>,
  onProgress?: (p: Progress) => void,
): Promise<ProducedReport> {
  const assessment = getAssessment(ctx, input.assessmentId);
  const taskId = input.taskId ?? ctx.newId();
  let identity: UnlockedIdentity | null = null;
  if (!input.draft) {
    if (!input.identityId || !input.passphrase)
      throw invalid('identityId', 'a signed export needs a signing identity and its passphrase');
    ctx.events.emit('progress', {
      taskId,
      label: 'Unlocking the signing identity',
      done: 0,
      total: 1,
    });
    identity = await unlockIdentity(ctx, input.identityId, input.passphrase);
  }
  if (input.template !== undefined && input.kind !== 'full')
    throw invalid('template', 'a template picks sections of the full report (kind full)');
  const render = {
    assessmentId: input.assessmentId,
    kind: input.kind,
    draft: identity === null,
    signer: identity && signerShown(identity),
    omitConfidential: input.omitConfidential,
    // Looked up before rendering: an unknown name fails at once.
    template: input.template === undefined ? null : templateNamed(ctx, input.template),
    taskId,
  };
  const base = { clientName: assessment.clientName, format: input.format };
  if (input.format === 'docx') {
    const word = await renderWordReport(ctx, render, onProgress);
    return { ...base, file: word.docx, pages: null, signed: false, peakRss: word.peakRss };
  }
  const rendered = await renderReport(ctx, render, onProgress);
  let pdf = rendered.pdf;
  if (identity) {
    ctx.events.emit('progress', { taskId, label: 'Signing', done: 0, total: 1 });
    pdf = await signPdf(pdf, identity, {
      reason: `${reportKindLabels[input.kind]} — ${assessment.title}`,
      signedAt: new Date(ctx.now()),
    });
  }
  return {
    ...base,
    file: pdf,
    pages: rendered.pages,
    signed: identity !== null,
    peakRss: rendered.peakRss,
  };
}

/** reports.export: produce the report and save it as <dataDir>/exports/<client>-<kind>-<date>.<pdf|docx>. */
export async function exportReport(
  ctx: CoreContext,
  input: ParsedInput<'reports.export'>,
  onProgress?: (p: Progress) => void,
): Promise<ExportResult> {
  const taskId = input.taskId ?? ctx.newId();
  const { file, format, pages, signed, clientName } = await produceReport(
    ctx,
    { ...input, taskId },
    onProgress,
  );
  ctx.events.emit('progress', { taskId, label: 'Saving the report', done: 0, total: 1 });
  const date = ctx.now().slice(0, 10);
  const dir = exportsDir(ctx.dataDir);
  // A report, once issued, is never overwritten: a second one of the day is name-2.pdf.
  const fileName = await writeFileAtomicUnique(
    dir,
    `${slug(clientName)}-${input.kind}-${date}.${format}`,
    file,
  );
  ctx.events.emit('progress', { taskId, label: 'Saved', done: 1, total: 1 });
  return {
    fileName,
    format,
    path: path.join(dir, fileName),
    pages,
    bytes: file.length,
    signed,
    sha256: crypto.createHash('sha256').update(file).digest('hex'),
    base64: file.toString('base64'),
  };
}
