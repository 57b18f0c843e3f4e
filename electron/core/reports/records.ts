/**
 * The signed records of the cycle: the internal audit report (9.2) and the management-review
 * minutes (9.3). Words come from content/, drawing from the worker (PDF or Word), signing and
 * saving take the same path as the reports'.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/contracts';
import type { ReportExport } from '../../../shared/contracts/reports';
import { auditChecklist, getProgramme } from '../audits';
import { getBranding } from '../branding';
import type { CoreContext } from '../context';
import { getEngagement } from '../engagements';
import { conflict } from '../errors';
import { writeFileAtomicUnique } from '../files';
import { unlockIdentity } from '../identities';
import { compileInputs, getReview } from '../management-reviews';
import { signPdf, type UnlockedIdentity } from '../signing';
import { auditReportDocument } from './content/audit-report';
import { minutesDocument } from './content/review-minutes';
import { exportsDir, slug } from './export';
import type { RecordDocument } from './record/types';
import { progressReporter, runWorker, signerShown, type Progress } from './render';

type Signing = Omit<ParsedInput<'reports.auditReport'>, 'auditId'>;

function shared(ctx: CoreContext) {
  const branding = getBranding(ctx);
  return {
    consultancy: branding.consultancyName,
    accent: branding.accentColour,
    generatedAt: ctx.now(),
    appVersion: ctx.version,
  };
}

/** The audit report's document; a planned or cancelled audit has nothing to report yet. */
export function auditReportRecord(ctx: CoreContext, auditId: string, draft: boolean) {
  const checklist = auditChecklist(ctx, auditId);
  const { status, title } = checklist.audit;
  if (status === 'planned' || status === 'cancelled')
    throw conflict(`“${title}” was not held: there is nothing to report yet.`);
  if (!draft && status !== 'completed')
    throw conflict(
      `“${title}” is still in progress: sign its report once it is completed (or export a draft).`,
    );
  const programme = getProgramme(ctx, checklist.audit.programmeId);
  const engagement = getEngagement(ctx, programme.engagementId);
  return auditReportDocument({
    checklist,
    programme,
    clientName: engagement.clientName,
    ...shared(ctx),
  });
}

/** The minutes' document: a held review's frozen inputs; a draft of a planned one, today's. */
export function minutesRecord(ctx: CoreContext, reviewId: string, draft: boolean) {
  const review = getReview(ctx, reviewId);
  if (!draft && review.status !== 'held')
    throw conflict(
      `“${review.title}” is not held yet: sign its minutes once it is (or export a draft).`,
    );
  const engagement = getEngagement(ctx, review.engagementId);
  return minutesDocument({
    review,
    inputs: review.inputs ?? compileInputs(ctx, review.engagementId),
    clientName: engagement.clientName,
    ...shared(ctx),
  });
}

export interface ProducedRecord {
  file: Buffer;
  format: 'pdf' | 'docx';
  pages: number | null;
  signed: boolean;
  /** The saved file's name without its date and extension: <client>-<kind>. */
  stem: string;
}

/**
 * Draws the record in the worker and signs a PDF unless it is a draft. The identity is unlocked
 * before anything is drawn, so a wrong passphrase fails at once. A Word edition names its signer
 * and says the signed PDF is the record, as the reports' do.
 */
export async function produceRecord(
  ctx: CoreContext,
  build: (draft: boolean) => RecordDocument,
  input: Signing,
  onProgress?: (p: Progress) => void,
): Promise<ProducedRecord> {
  let identity: UnlockedIdentity | null = null;
  if (!input.draft) {
    identity = await unlockIdentity(ctx, input.identityId ?? '', input.passphrase ?? '');
  }
  const record = build(identity === null);
  const taskId = input.taskId ?? ctx.newId();
  const emit = progressReporter(ctx, taskId, onProgress);
  const fontsDir = path.join(ctx.resourcesDir, 'fonts');
  const result = await runWorker(
    { format: input.format, fontsDir },
    () => ({
      job: 'record',
      format: input.format,
      record,
      draft: identity === null,
      signer: identity && signerShown(identity),
      fontsDir,
      taskId,
    }),
    emit,
  );
  let file = result.file;
  if (identity && input.format === 'pdf') {
    emit('Signing', 0, 1);
    file = await signPdf(file, identity, {
      reason: `${record.title} — ${record.subject}`,
      signedAt: new Date(ctx.now()),
    });
  }
  return {
    file,
    format: input.format,
    pages: result.pages,
    signed: identity !== null && input.format === 'pdf',
    stem: `${slug(record.client)}-${record.kind}`,
  };
}

/** Produces the record and saves it as <dataDir>/exports/<client>-<kind>-<date>.<pdf|docx>. */
export async function exportRecord(
  ctx: CoreContext,
  build: (draft: boolean) => RecordDocument,
  input: Signing,
): Promise<ReportExport> {
  const produced = await produceRecord(ctx, build, input);
  const fileName = await writeFileAtomicUnique(
    exportsDir(ctx.dataDir),
    `${produced.stem}-${ctx.now().slice(0, 10)}.${produced.format}`,
    produced.file,
  );
  return {
    fileName,
    format: produced.format,
    pages: produced.pages,
    bytes: produced.file.length,
    signed: produced.signed,
    sha256: crypto.createHash('sha256').update(produced.file).digest('hex'),
    base64: produced.file.toString('base64'),
  };
}
