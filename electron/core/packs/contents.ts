import { loadExcel } from '../sheets';
import type { ImpactAssessment } from '../../../shared/contracts/impact-assessments';
import type { SoaRow } from '../../../shared/contracts/soa';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { implementationStatusLabels } from '../../../shared/domain/assessment';
import { toCsv } from '../../../shared/rules/csv';
import { documentStatusLabels } from '../../../shared/rules/documented-information';
import { and, eq, inArray } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { schema } from '../db';
import type { DocumentRow } from '../../../shared/contracts/documents';

/** Where each part lives inside a pack; the documented-information index points at these. */
export const PACK_PATHS = {
  soaXlsx: 'soa/statement-of-applicability.xlsx',
  soaCsv: 'soa/statement-of-applicability.csv',
  risksXlsx: 'risks/risk-register.xlsx',
  risksCsv: 'risks/risk-register.csv',
  impactCsv: 'impact-assessments/impact-assessments.csv',
  impactJson: 'impact-assessments/impact-assessments.json',
  documentIndex: 'documented-information-index.csv',
} as const;

const soaHeaders = [
  'Control',
  'Title',
  'Area',
  'Applicable',
  'Justification',
  'Implementation',
  'Decided',
  'Decided by',
  'Risks treated',
  'Evidence',
];

/** Recorded decisions only: a suggestion nobody accepted is not the organisation's SoA. */
function soaCells(row: SoaRow): (string | number)[] {
  const e = row.entry;
  return [
    row.ref,
    row.title,
    row.areaTitle,
    e ? (e.applicable ? 'Yes' : 'No') : 'Not decided',
    e?.justification ?? '',
    e ? implementationStatusLabels[e.implementationStatus] : '',
    e?.updatedAt.slice(0, 10) ?? '',
    e?.updatedBy ?? '',
    row.risks.map((r) => r.ref).join('; '),
    row.evidence.map((v) => v.title).join('; '),
  ];
}

export async function soaXlsx(rows: SoaRow[], client: string): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Assay';
  workbook.title = `Statement of Applicability — ${client}`;
  const sheet = workbook.addWorksheet('Statement of Applicability', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = [10, 45, 30, 12, 60, 22, 12, 20, 20, 40];
  sheet.columns = soaHeaders.map((header, i) => ({ header, width: widths[i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(soaCells(row));
  sheet.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: soaHeaders.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const soaCsv = (rows: SoaRow[]) => toCsv([soaHeaders, ...rows.map(soaCells)]);

export function impactCsv(list: ImpactAssessment[]): string {
  const header = [
    'AI system',
    'Affected',
    'Impact areas',
    'Severity',
    'Likelihood',
    'Measures in place',
    'Measures planned',
    'Reviewer',
    'Reviewed on',
    'Outcome',
    'Risks',
    'Updated',
  ];
  return toCsv([
    header,
    ...list.map((i) => [
      i.aiSystemName,
      i.affected.map((a) => `${a.kind}: ${a.who}`).join('; '),
      i.impactAreas.map((a) => (a.notes ? `${a.area}: ${a.notes}` : a.area)).join('; '),
      i.severity,
      i.likelihood,
      i.measuresInPlace,
      i.measuresPlanned,
      i.reviewer,
      i.reviewedOn ?? '',
      i.outcome,
      i.riskRefs.join('; '),
      i.updatedAt,
    ]),
  ]);
}

const { evidenceItems, evidenceLinks, requirements } = schema;

/** Evidence items linked to any requirement with one of `refs`, as their paths in the pack. */
function evidenceFor(
  ctx: CoreContext,
  engagementId: string,
  refs: string[],
  paths: Map<string, string>,
): string[] {
  if (refs.length === 0) return [];
  const rows = ctx.store.db
    .selectDistinct({ id: evidenceLinks.evidenceId })
    .from(evidenceLinks)
    .innerJoin(requirements, eq(requirements.id, evidenceLinks.requirementId))
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .where(and(eq(evidenceItems.engagementId, engagementId), inArray(requirements.ref, refs)))
    .all();
  return rows.flatMap((r) => {
    const p = paths.get(r.id);
    return p ? [p] : [];
  });
}

const fixedPlaces: Record<string, string[]> = {
  soa: [PACK_PATHS.soaXlsx, PACK_PATHS.soaCsv],
  'risk-assessment-results': [PACK_PATHS.risksXlsx, PACK_PATHS.risksCsv],
  'risk-treatment-process': [PACK_PATHS.risksXlsx, PACK_PATHS.soaXlsx],
  'risk-treatment-results': [PACK_PATHS.risksXlsx, PACK_PATHS.soaXlsx],
  'impact-assessment-results': [PACK_PATHS.impactCsv, PACK_PATHS.impactJson],
};

/**
 * The mandatory documented information as recorded in the assessment, and where in the pack the
 * auditor finds it: our own sheets, the evidence linked to the record or to its clause, and the
 * report's results.
 */
export function documentIndexCsv(
  ctx: CoreContext,
  engagementId: string,
  documents: readonly DocumentRow[],
  evidencePaths: Map<string, string>,
): string {
  const rows = documents.map((doc) => {
    const linked = doc.evidence.flatMap((e) => {
      const p = evidencePaths.get(e.id);
      return p ? [p] : [];
    });
    const places = [
      ...new Set([
        ...(fixedPlaces[doc.key] ?? []),
        ...linked,
        ...evidenceFor(ctx, engagementId, [doc.ref], evidencePaths),
        `report/gap-assessment-report.pdf (${doc.ref})`,
      ]),
    ];
    return [
      doc.key,
      doc.label,
      doc.ref,
      doc.required ? 'yes' : `no (${doc.control ?? ''} excluded in the SoA)`,
      documentStatusLabels[doc.status],
      doc.record?.owner ?? '',
      doc.record?.reviewDate ?? '',
      doc.record?.reference ?? '',
      places.join('; '),
    ];
  });
  return toCsv([
    [
      'Key',
      'Document',
      'Requirement',
      'Required',
      'Status',
      'Owner',
      'Review date',
      'Reference',
      'Where in this pack',
    ],
    ...rows,
  ]);
}

/** Already-compressed formats go in stored: deflating them again costs time and gains nothing. */
const COMPRESSED = new Set([
  'pdf',
  'xlsx',
  'docx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'zip',
  'gz',
  'tgz',
  'bz2',
  'xz',
  '7z',
  'rar',
  'zst',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'heic',
  'avif',
  'mp3',
  'mp4',
  'm4a',
  'mov',
  'mkv',
  'webm',
  'ogg',
  'jar',
  'whl',
  'parquet',
]);

export function shouldCompress(name: string, mediaType = ''): boolean {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (COMPRESSED.has(ext)) return false;
  return (
    !/^(image|video|audio)\/|zip|compressed|pdf/.test(mediaType) || mediaType === 'image/svg+xml'
  );
}

/** evidence/<sha256 prefix>-<safe name>: readable, unique per content, never a path. */
export function evidencePath(item: Pick<EvidenceItem, 'sha256' | 'originalName'>): string {
  const safe =
    item.originalName
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .replace(/^[._]+/, '')
      .slice(0, 120) || 'file';
  return `evidence/${item.sha256.slice(0, 16)}-${safe}`;
}
