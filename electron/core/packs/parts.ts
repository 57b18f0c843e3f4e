import { REPORT_PATH } from '../../../shared/contracts/packs';
import type { CoreContext } from '../context';
import { renderReport, signerShown } from '../reports';
import { listDocuments } from '../documented-information';
import { listImpactAssessments } from '../impact-assessments';
import { listRisks, risksToCsv, risksToXlsx } from '../risks';
import { listSoa } from '../soa';
import { signPdf, type UnlockedIdentity } from '../signing';
import { documentIndexCsv, impactCsv, PACK_PATHS, soaCsv, soaXlsx } from './contents';
import type { PackProgress } from './progress';

export interface PartsInput {
  assessmentId: string;
  engagementId: string;
  title: string;
  clientName: string;
  identity: UnlockedIdentity;
  omitConfidential: boolean;
  signedAt: Date;
  /** Where each evidence item lies in the pack, for the documented-information index. */
  evidencePaths: Map<string, string>;
}

/** The report rendered (in its worker, with its own task id: the pack reports one progress) and signed. */
async function signedReport(ctx: CoreContext, input: PartsInput, progress: PackProgress) {
  const rendered = await renderReport(
    ctx,
    {
      assessmentId: input.assessmentId,
      kind: 'full',
      draft: false,
      signer: signerShown(input.identity),
      omitConfidential: input.omitConfidential,
      taskId: ctx.newId(),
    },
    (p) => progress.report(p),
  );
  const pdf = await signPdf(rendered.pdf, input.identity, {
    reason: `Certification-readiness pack — ${input.title}`,
    signedAt: input.signedAt,
  });
  progress.reportSigned();
  return pdf;
}

/** The registers as sheets, made on this thread while the report renders in its worker. */
async function sheets(ctx: CoreContext, input: PartsInput): Promise<[string, Buffer][]> {
  const soa = listSoa(ctx, input.assessmentId);
  const risks = listRisks(ctx, input.engagementId);
  const impacts = listImpactAssessments(ctx, { engagementId: input.engagementId });
  const documents = listDocuments(ctx, input.assessmentId);
  return [
    [PACK_PATHS.soaXlsx, await soaXlsx(soa, input.clientName)],
    [PACK_PATHS.soaCsv, Buffer.from(soaCsv(soa))],
    [PACK_PATHS.risksXlsx, await risksToXlsx(risks, 'AI risk register')],
    [PACK_PATHS.risksCsv, Buffer.from(risksToCsv(risks))],
    [PACK_PATHS.impactCsv, Buffer.from(impactCsv(impacts))],
    [PACK_PATHS.impactJson, Buffer.from(`${JSON.stringify(impacts, null, 2)}\n`)],
    [
      PACK_PATHS.documentIndex,
      Buffer.from(documentIndexCsv(ctx, input.engagementId, documents, input.evidencePaths)),
    ],
  ];
}

/**
 * Every file of the pack the app makes itself (all but the evidence and the manifest): the signed
 * report first, then the sheets. Runs beside the evidence streaming; the caller handles a failure.
 */
export async function packParts(
  ctx: CoreContext,
  input: PartsInput,
  progress: PackProgress,
): Promise<[string, Buffer][]> {
  const [pdf, made] = await Promise.all([signedReport(ctx, input, progress), sheets(ctx, input)]);
  return [[REPORT_PATH, pdf], ...made];
}
