import { loadExcel } from '../sheets';
import type { CorrectiveAction } from '../../../shared/contracts/corrective-actions';
import { findingGradeLabels } from '../../../shared/domain/assessment';
import {
  actionStatusLabels,
  causeCategoryLabels,
  rootCauseMethodLabels,
} from '../../../shared/rules/corrective-actions';
import { toCsv } from '../../../shared/rules/csv';

interface Column {
  header: string;
  width: number;
  value(a: CorrectiveAction): string | number | null;
}

const rootCauseText = (a: CorrectiveAction) => {
  if (a.rootCauseMethod === 'five-whys') {
    return a.whys.map((w, i) => `Why ${i + 1}: ${w}`).join('\n');
  }
  if (a.rootCauseMethod === 'cause-categories') {
    return a.causeCategories.map((c) => causeCategoryLabels[c]).join('; ');
  }
  return '';
};

/** The register's columns, one row per action, the same in CSV and XLSX. */
const columns: Column[] = [
  { header: 'Finding', width: 9, value: (a) => a.finding.ref },
  { header: 'Raised in', width: 28, value: (a) => a.finding.assessmentTitle },
  { header: 'Requirement', width: 11, value: (a) => a.finding.requirementRef },
  { header: 'Grade', width: 16, value: (a) => findingGradeLabels[a.finding.grade] },
  { header: 'Finding statement', width: 50, value: (a) => a.finding.statement },
  { header: 'Correction', width: 40, value: (a) => a.correction },
  {
    header: 'Root cause method',
    width: 16,
    value: (a) => (a.rootCauseMethod ? rootCauseMethodLabels[a.rootCauseMethod] : ''),
  },
  { header: 'Root cause analysis', width: 50, value: rootCauseText },
  { header: 'Root cause', width: 40, value: (a) => a.rootCause },
  { header: 'Corrective action', width: 50, value: (a) => a.action },
  { header: 'Owner', width: 20, value: (a) => a.owner },
  { header: 'Due date', width: 12, value: (a) => a.dueDate },
  { header: 'Days overdue', width: 9, value: (a) => a.daysOverdue || null },
  { header: 'Completed on', width: 12, value: (a) => a.completedOn },
  { header: 'Evidence of completion', width: 40, value: (a) => a.completionEvidence },
  { header: 'Status', width: 24, value: (a) => actionStatusLabels[a.status] },
  { header: 'Reviewed on', width: 12, value: (a) => a.reviewedOn },
  { header: 'Reviewer', width: 20, value: (a) => a.reviewer },
  {
    header: 'Effective',
    width: 9,
    value: (a) => (a.effective === null ? '' : a.effective ? 'Yes' : 'No'),
  },
  { header: 'Review notes', width: 40, value: (a) => a.reviewNotes },
  { header: 'Accepted on', width: 12, value: (a) => a.acceptedOn },
  { header: 'Accepted by', width: 20, value: (a) => a.acceptedBy },
  { header: 'Reason for acceptance', width: 40, value: (a) => a.acceptedReason },
  { header: 'Finding closed', width: 12, value: (a) => a.finding.closedAt?.slice(0, 10) ?? '' },
];

/** The register as CSV, through the one CSV writer (formula-safe, RFC 4180). */
export function actionsToCsv(actions: CorrectiveAction[]): string {
  return toCsv([
    columns.map((c) => c.header),
    ...actions.map((a) => columns.map((c) => c.value(a))),
  ]);
}

/** The register as a workbook: frozen header, filters, wrapped long text. Cells stay plain strings. */
export async function actionsToXlsx(actions: CorrectiveAction[], title: string): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Assay';
  workbook.title = title;
  const sheet = workbook.addWorksheet('Corrective actions', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const action of actions) {
    const row = sheet.addRow(columns.map((c) => c.value(action) ?? ''));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
