/**
 * The mandatory documented information a certification auditor asks for, and how a record of it
 * is judged. Readiness reads these records (one per item and assessment), never the answers.
 *
 * - Clause items are required whatever the Statement of Applicability says: clauses 4–10 are
 *   mandatory. (Impact assessment results are one of them: clause 8.4 asks for the results of
 *   every impact assessment; control A.5.3 shares that artefact and never counts it again.)
 * - Control items are required while the control applies: once the SoA excludes the control, the
 *   item is not required; while the SoA has not decided, it is required.
 * - `stage` is the audit stage that needs the item first: 1 for what the documentation review
 *   reads (policies, processes, plans), 2 for records that show the system running (results).
 * - `evidence` is the catalog's evidence key for the artefact: with the bank's overlaps
 *   (`artefactOwner`) it names the one requirement a missing item counts against.
 */
import type { AuditStage } from '../catalog/guidance';

export interface DocumentItem {
  key: string;
  label: string;
  /** The requirement that asks for it. */
  ref: string;
  evidence: string;
  stage: AuditStage;
  /** Set for items that depend on a control: the item follows that control's SoA decision. */
  control?: true;
}

const itemList = [
  {
    key: 'aims-scope',
    label: 'Scope of the AI management system',
    ref: '4.3',
    evidence: 'aims-scope-statement',
    stage: 1,
  },
  { key: 'ai-policy', label: 'AI policy', ref: '5.2', evidence: 'ai-policy', stage: 1 },
  {
    key: 'risk-criteria',
    label: 'AI risk criteria',
    ref: '6.1.1',
    evidence: 'risk-methodology',
    stage: 1,
  },
  {
    key: 'risk-assessment-process',
    label: 'AI risk assessment process',
    ref: '6.1.2',
    evidence: 'risk-methodology',
    stage: 1,
  },
  {
    key: 'risk-treatment-process',
    label: 'AI risk treatment process and plan',
    ref: '6.1.3',
    evidence: 'risk-treatment-plan',
    stage: 1,
  },
  {
    key: 'soa',
    label: 'Statement of Applicability',
    ref: '6.1.3',
    evidence: 'statement-of-applicability',
    stage: 1,
  },
  {
    key: 'impact-assessment-process',
    label: 'AI system impact assessment process',
    ref: '6.1.4',
    evidence: 'impact-assessment-procedure',
    stage: 1,
  },
  { key: 'ai-objectives', label: 'AI objectives', ref: '6.2', evidence: 'ai-objectives', stage: 1 },
  {
    key: 'competence-evidence',
    label: 'Evidence of competence',
    ref: '7.2',
    evidence: 'training-records',
    stage: 2,
  },
  {
    key: 'determined-necessary',
    label: 'Documented information the organisation decided it needs',
    ref: '7.5.1',
    evidence: 'document-register',
    stage: 1,
  },
  {
    key: 'operational-records',
    label: 'Operational records (processes carried out as planned)',
    ref: '8.1',
    evidence: 'change-records',
    stage: 2,
  },
  {
    key: 'risk-assessment-results',
    label: 'AI risk assessment results',
    ref: '8.2',
    evidence: 'risk-assessment-report',
    stage: 2,
  },
  {
    key: 'risk-treatment-results',
    label: 'AI risk treatment results',
    ref: '8.3',
    evidence: 'risk-register',
    stage: 2,
  },
  {
    key: 'impact-assessment-results',
    label: 'AI system impact assessment results',
    ref: '8.4',
    evidence: 'impact-assessment-report',
    stage: 2,
  },
  {
    key: 'monitoring-results',
    label: 'Monitoring and measurement results',
    ref: '9.1',
    evidence: 'kpi-reports',
    stage: 2,
  },
  {
    key: 'internal-audit-programme',
    label: 'Internal audit programme',
    ref: '9.2.2',
    evidence: 'internal-audit-programme',
    stage: 1,
  },
  {
    key: 'internal-audit-results',
    label: 'Internal audit results',
    ref: '9.2.2',
    evidence: 'internal-audit-reports',
    stage: 2,
  },
  {
    key: 'management-review-results',
    label: 'Management review results',
    ref: '9.3.3',
    evidence: 'management-review-minutes',
    stage: 2,
  },
  {
    key: 'corrective-actions',
    label: 'Nonconformities and corrective actions',
    ref: '10.2',
    evidence: 'nonconformity-log',
    stage: 2,
  },
  {
    key: 'design-development-processes',
    label: 'Processes for responsible AI system design and development',
    ref: 'A.6.1.3',
    evidence: 'development-procedure',
    stage: 1,
    control: true,
  },
  {
    key: 'deployment-plan',
    label: 'AI system deployment plan',
    ref: 'A.6.2.5',
    evidence: 'deployment-checklist',
    stage: 1,
    control: true,
  },
  {
    key: 'technical-documentation',
    label: 'AI system technical documentation',
    ref: 'A.6.2.7',
    evidence: 'technical-documentation',
    stage: 1,
    control: true,
  },
  {
    key: 'reporting-obligations',
    label: 'Obligations to report to interested parties',
    ref: 'A.8.5',
    evidence: 'legal-register',
    stage: 1,
    control: true,
  },
  {
    key: 'incident-communication-plan',
    label: 'Incident communication plan',
    ref: 'A.8.4',
    evidence: 'communication-plan',
    stage: 1,
    control: true,
  },
  {
    key: 'responsible-use-processes',
    label: 'Processes for responsible use of AI systems',
    ref: 'A.9.2',
    evidence: 'acceptable-use-policy',
    stage: 1,
    control: true,
  },
] as const satisfies readonly DocumentItem[];

export type DocumentKey = (typeof itemList)[number]['key'];
export const documentItems: readonly (DocumentItem & { key: DocumentKey })[] = itemList;
export const documentKeys = itemList.map((d) => d.key) as [DocumentKey, ...DocumentKey[]];

const byKey = new Map<string, DocumentItem>(documentItems.map((d) => [d.key, d]));
export function documentItem(key: string): DocumentItem | undefined {
  return byKey.get(key);
}

/** What a consultant records about one item: seen to exist, approved, current, and when reviewed next. */
export interface DocumentRecordFacts {
  key: string;
  exists: boolean;
  approved: boolean;
  current: boolean;
  /** Next review due (YYYY-MM-DD); a date before today means the review is overdue. */
  reviewDate: string | null;
}

export const documentStatuses = [
  'in-place',
  'review-overdue',
  'not-current',
  'not-approved',
  'missing',
  'not-recorded',
  'not-required',
] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const documentStatusLabels: Record<DocumentStatus, string> = {
  'in-place': 'In place',
  'review-overdue': 'Review overdue',
  'not-current': 'Not current',
  'not-approved': 'Not approved',
  missing: 'Missing',
  'not-recorded': 'No record yet',
  'not-required': 'Not required',
};

/**
 * One item's status. Only "in place" passes: the item exists, is approved, is marked current and
 * its review date has not passed. `required: false` (a control item whose control the SoA
 * excludes) is "not required" whatever the record says.
 */
export function documentStatus(
  record: DocumentRecordFacts | undefined,
  required: boolean,
  today: string,
): DocumentStatus {
  if (!required) return 'not-required';
  if (!record) return 'not-recorded';
  if (!record.exists) return 'missing';
  if (!record.approved) return 'not-approved';
  if (!record.current) return 'not-current';
  if (record.reviewDate !== null && record.reviewDate < today) return 'review-overdue';
  return 'in-place';
}

/**
 * Whether an item is required, given the SoA: clause items always; a control item unless the SoA
 * records its control as excluded (undecided counts as required until someone decides).
 */
export function documentRequired(
  item: DocumentItem,
  excludedControls: ReadonlySet<string>,
): boolean {
  return !(item.control && excludedControls.has(item.ref));
}

/** Problems with a record as entered: approval and currency presuppose that the item exists. */
export function documentRecordProblems(
  facts: Pick<DocumentRecordFacts, 'exists' | 'approved' | 'current'>,
): { field: 'approved' | 'current'; message: string }[] {
  if (facts.exists) return [];
  const problems: { field: 'approved' | 'current'; message: string }[] = [];
  if (facts.approved)
    problems.push({ field: 'approved', message: 'an item that does not exist cannot be approved' });
  if (facts.current)
    problems.push({ field: 'current', message: 'an item that does not exist cannot be current' });
  return problems;
}
