import type { Risk } from '../../../shared/contracts/risks';
import { toCsv } from '../../../shared/rules/csv';
import { sheetOf, sheetsToXlsx, type SheetColumn } from '../sheets';

type Column = SheetColumn<Risk>;

export const exportColumns: Column[] = [
  { header: 'Ref', width: 10, value: (r) => r.ref },
  { header: 'Title', width: 40, value: (r) => r.title },
  { header: 'Description', width: 50, value: (r) => r.description },
  { header: 'AI systems', width: 30, value: (r) => r.aiSystemNames.join('; ') },
  { header: 'Risk source', width: 12, value: (r) => r.riskSource },
  { header: 'Objectives', width: 20, value: (r) => r.objectives.join('; ') },
  { header: 'Likelihood', width: 11, value: (r) => r.likelihood },
  { header: 'Impact', width: 9, value: (r) => r.impact },
  { header: 'Inherent score', width: 9, value: (r) => r.inherentScore },
  { header: 'Inherent level', width: 12, value: (r) => r.inherentBand },
  { header: 'Treatment', width: 11, value: (r) => r.treatmentOption },
  { header: 'Treatment plan', width: 50, value: (r) => r.treatmentPlan },
  { header: 'Controls', width: 24, value: (r) => r.controlRefs.join('; ') },
  { header: 'Residual likelihood', width: 11, value: (r) => r.residualLikelihood },
  { header: 'Residual impact', width: 9, value: (r) => r.residualImpact },
  { header: 'Residual score', width: 9, value: (r) => r.residualScore },
  { header: 'Residual level', width: 12, value: (r) => r.residualBand },
  { header: 'Owner', width: 20, value: (r) => r.owner },
  { header: 'Due date', width: 12, value: (r) => r.dueDate },
  { header: 'Status', width: 12, value: (r) => r.status },
  { header: 'Accepted by', width: 18, value: (r) => r.acceptedBy },
  { header: 'Accepted at', width: 12, value: (r) => r.acceptedAt },
  { header: 'Criteria version', width: 9, value: (r) => r.criteriaVersion },
];

export async function risksToXlsx(risks: Risk[], title: string): Promise<Buffer> {
  return sheetsToXlsx(title, [sheetOf('Risk register', exportColumns, risks)]);
}

/** The register as CSV, through the one CSV writer (formula-safe, RFC 4180). */
export function risksToCsv(risks: Risk[]): string {
  return toCsv([
    exportColumns.map((c) => c.header),
    ...risks.map((r) => exportColumns.map((c) => c.value(r))),
  ]);
}
