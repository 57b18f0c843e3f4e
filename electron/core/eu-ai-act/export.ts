import type { ObligationView } from '../../../shared/contracts/eu-ai-act';
import { resultLabels } from '../../../shared/domain/assessment';
import { exportFileName } from '../../../shared/rules/file-name';
import type { CoreContext } from '../context';
import { getEngagement } from '../engagements';
import { sheetOf, sheetsToXlsx, type SheetColumn } from '../sheets';
import { euAiActView } from './obligations';

const coverageLabel = { partial: '42001 covers part', none: 'Not covered by 42001' } as const;

const obligationColumns: SheetColumn<ObligationView>[] = [
  { header: 'Obligation', width: 36, value: (o) => o.title },
  { header: 'Articles', width: 22, value: (o) => o.articles.map((a) => a.ref).join('; ') },
  { header: 'AI systems', width: 30, value: (o) => o.systems.map((s) => s.name).join('; ') },
  {
    header: 'Applies when',
    width: 40,
    value: (o) =>
      [...new Set(o.systems.flatMap((s) => (s.condition ? [s.condition] : [])))].join(' '),
  },
  { header: 'What it asks', width: 60, value: (o) => o.summary },
  { header: 'ISO/IEC 42001', width: 20, value: (o) => coverageLabel[o.coverage] },
  { header: 'Beyond ISO/IEC 42001', width: 60, value: (o) => o.beyond42001 },
  {
    header: 'Supporting requirements',
    width: 30,
    value: (o) => o.supporting.map((r) => r.ref).join('; '),
  },
];

type SupportRow = ObligationView['supporting'][number] & { obligation: string };

const supportColumns: SheetColumn<SupportRow>[] = [
  { header: 'Obligation', width: 36, value: (r) => r.obligation },
  { header: 'Article', width: 14, value: (r) => r.article },
  { header: 'ISO/IEC 42001', width: 10, value: (r) => r.ref },
  { header: 'Requirement', width: 40, value: (r) => r.title },
  { header: 'Relation', width: 14, value: (r) => r.relation },
  { header: 'Confidence', width: 11, value: (r) => r.confidence },
  { header: 'Why', width: 70, value: (r) => r.rationale },
  {
    header: 'Assessment result',
    width: 20,
    value: (r) => (r.inScope ? resultLabels[r.result] : 'Out of scope'),
  },
];

/** The obligations and, on a second sheet, every supporting requirement with its result. */
export async function exportEuAiActXlsx(ctx: CoreContext, assessmentId: string) {
  const view = euAiActView(ctx, assessmentId);
  const engagement = getEngagement(ctx, view.engagementId);
  const support = view.obligations.flatMap((o) =>
    o.supporting.map((r) => ({ ...r, obligation: o.title })),
  );
  const buffer = await sheetsToXlsx('EU AI Act obligations', [
    sheetOf('Obligations', obligationColumns, view.obligations),
    sheetOf('Supporting requirements', supportColumns, support),
  ]);
  return {
    fileName: exportFileName(engagement.clientName, 'eu-ai-act-obligations', ctx.now(), 'xlsx'),
    contentBase64: buffer.toString('base64'),
    rows: view.obligations.length,
  };
}
