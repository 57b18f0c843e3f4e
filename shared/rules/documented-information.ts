/**
 * The mandatory documented information a certification auditor asks for, and where the
 * assessment shows whether it exists: each item maps to the requirements whose answers cover it.
 */
import type { Result } from '../domain/assessment';

export interface DocumentItem {
  key: string;
  label: string;
  refs: string[];
}

export const mandatoryDocuments: DocumentItem[] = [
  { key: 'aims-scope', label: 'AIMS scope', refs: ['4.3'] },
  { key: 'ai-policy', label: 'AI policy', refs: ['5.2'] },
  { key: 'ai-objectives', label: 'AI objectives', refs: ['6.2'] },
  {
    key: 'risk-assessment',
    label: 'AI risk assessment (process and results)',
    refs: ['6.1.2', '8.2'],
  },
  { key: 'risk-treatment', label: 'AI risk treatment (plan and results)', refs: ['6.1.3', '8.3'] },
  { key: 'soa', label: 'Statement of Applicability', refs: ['6.1.3'] },
  { key: 'impact-assessments', label: 'AI system impact assessments', refs: ['6.1.4', '8.4'] },
  {
    key: 'internal-audit',
    label: 'Internal audit programme and results',
    refs: ['9.2.1', '9.2.2'],
  },
  { key: 'management-review', label: 'Management review results', refs: ['9.3.3'] },
  { key: 'corrective-actions', label: 'Nonconformities and corrective actions', refs: ['10.2'] },
];

export type DocumentStatus = 'in-place' | 'partial' | 'missing' | 'not-assessed' | 'out-of-scope';

export const documentStatusLabels: Record<DocumentStatus, string> = {
  'in-place': 'In place',
  partial: 'Partial',
  missing: 'Missing',
  'not-assessed': 'Not assessed',
  'out-of-scope': 'Out of scope',
};

/** Worst answer wins: one nonconformant requirement means the document is missing or unfit. */
export function documentStatus(results: (Result | undefined)[]): DocumentStatus {
  if (results.length === 0) return 'out-of-scope';
  if (results.some((r) => r === 'nonconformant')) return 'missing';
  if (results.some((r) => r === undefined || r === 'not-assessed')) return 'not-assessed';
  if (results.some((r) => r === 'partially-conformant')) return 'partial';
  return 'in-place';
}

/** The SoA's own completeness: every control decided with a justification. */
export function soaStatus(decided: number, controls: number): DocumentStatus {
  if (controls === 0) return 'out-of-scope';
  if (decided === 0) return 'missing';
  return decided >= controls ? 'in-place' : 'partial';
}
