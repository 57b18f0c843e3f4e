import crypto from 'node:crypto';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/contracts';
import { reportKindLabels, type ReportExport } from '../../../shared/contracts/reports';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { getAssessment } from '../assessments';
import { writeFileAtomicUnique } from '../files';
import { unlockIdentity } from '../identities';
import { signPdf, type UnlockedIdentity } from '../signing';
import { renderReport, signerShown, type Progress } from './render';

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
  pdf: Buffer;
  pages: number;
  signed: boolean;
  peakRss: number;
  clientName: string;
}

/**
 * Renders (in the worker), signs unless it is a draft, and saves under <dataDir>/exports. The
 * identity is unlocked first so a wrong passphrase fails before seconds of rendering.
 */
export async function produceReport(
  ctx: CoreContext,
  input: ParsedInput<'reports.export'>,
  onProgress?: (p: Progress) => void,
): Promise<ProducedReport> {
  const assessment = getAssessment(ctx, input.assessmentId);
  let identity: UnlockedIdentity | null = null;
  if (!input.draft) {
    if (!input.identityId || !input.passphrase)
      throw invalid('identityId', 'a signed export needs a signing identity and its passphrase');
    identity = await unlockIdentity(ctx, input.identityId, input.passphrase);
  }
  const taskId = input.taskId ?? ctx.newId();
  const rendered = await renderReport(
    ctx,
    {
      assessmentId: input.assessmentId,
      kind: input.kind,
      draft: identity === null,
      signer: identity && signerShown(identity),
      omitConfidential: input.omitConfidential,
      taskId,
    },
    onProgress,
  );
  let pdf = rendered.pdf;
  if (identity) {
    ctx.events.emit('progress', { taskId, label: 'Signing', done: 0, total: 1 });
    pdf = await signPdf(pdf, identity, {
      reason: `${reportKindLabels[input.kind]} — ${assessment.title}`,
      signedAt: new Date(ctx.now()),
    });
  }
  return {
    pdf,
    pages: rendered.pages,
    signed: identity !== null,
    peakRss: rendered.peakRss,
    clientName: assessment.clientName,
  };
}

/** reports.export: produce the report and save it as <dataDir>/exports/<client>-<kind>-<date>.pdf. */
export async function exportReport(
  ctx: CoreContext,
  input: ParsedInput<'reports.export'>,
  onProgress?: (p: Progress) => void,
): Promise<ExportResult> {
  const taskId = input.taskId ?? ctx.newId();
  const { pdf, pages, signed, clientName } = await produceReport(
    ctx,
    { ...input, taskId },
    onProgress,
  );
  const date = ctx.now().slice(0, 10);
  const dir = exportsDir(ctx.dataDir);
  // A signed report, once issued, is never overwritten: a second one of the day is name-2.pdf.
  const fileName = await writeFileAtomicUnique(
    dir,
    `${slug(clientName)}-${input.kind}-${date}.pdf`,
    pdf,
  );
  ctx.events.emit('progress', { taskId, label: 'Saved', done: 1, total: 1 });
  return {
    fileName,
    path: path.join(dir, fileName),
    pages,
    bytes: pdf.length,
    signed,
    sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
    base64: pdf.toString('base64'),
  };
}
