/**
 * The corrective-action register of an engagement as an editable Word document, beside its CSV
 * and XLSX: the same rows, words and columns as the report's "Corrective actions" section, under
 * the consultancy's branding. Small enough to build on the spot (no worker).
 */
import { HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { CoreContext } from '../context';
import { getBranding } from '../branding';
import { getEngagement } from '../engagements';
import { engagementActions } from './actions-data';
import { setAccent } from './charts/colours';
import { actionBlocks } from './docx/actions';
import { pageFooter, quiet, runningHeader, wordDocument } from './docx/document';
import { para } from './docx/kit';

export const actionRegisterTitle = 'Corrective-action register';

export async function actionRegisterDocx(
  ctx: CoreContext,
  engagementId: string,
): Promise<{ buffer: Buffer; rows: number }> {
  const engagement = getEngagement(ctx, engagementId);
  const branding = getBranding(ctx);
  const register = engagementActions(ctx, engagementId);
  const asOf = ctx.now().slice(0, 10);
  setAccent(branding.accentColour);
  const by = branding.consultancyName || 'Assay';
  const document = wordDocument({
    title: `${actionRegisterTitle} — ${engagement.clientName}`,
    subject: `${engagement.clientName} — ISO/IEC 42001 10.2, every cycle`,
    creator: engagement.leadAssessor || by,
    description: `Assay ${ctx.version}`,
    header: runningHeader(
      `${engagement.clientName} — ${actionRegisterTitle}`,
      new TextRun({ text: `as of ${asOf}`, ...quiet }),
    ),
    footer: pageFooter(`${by} — ISO/IEC 42001 corrective actions`),
    children: [
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(actionRegisterTitle)] }),
      para(`${engagement.clientName} · every assessment cycle · as of ${asOf}`),
      ...actionBlocks(register, 'engagement'),
    ],
  });
  return { buffer: await Packer.toBuffer(document), rows: register.rows.length };
}
