/** How the merge screen names a record type and a field (SQL names as people read them). */
const TABLES: Record<string, string> = {
  engagements: 'Engagement',
  assessments: 'Assessment',
  responses: 'Answer',
  findings: 'Finding',
  soa_entries: 'SoA entry',
  ai_systems: 'AI system',
  risks: 'Risk',
  risk_criteria: 'Risk criteria',
  impact_assessments: 'Impact assessment',
  evidence_items: 'Evidence',
  interview_sessions: 'Interview session',
  corrective_actions: 'Corrective action',
  documented_information: 'Documented information',
  audit_programmes: 'Audit programme',
  internal_audits: 'Internal audit',
  management_reviews: 'Management review',
};

export function tableLabel(table: string): string {
  return TABLES[table] ?? table.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

export function fieldLabel(field: string): string {
  if (field === '') return 'the record itself';
  return field.replace(/_json$/, '').replaceAll('_', ' ');
}

/** A value as text: strings as typed, anything else as JSON; nothing as an explicit word. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  return typeof value === 'string' ? (value === '' ? '(empty)' : value) : JSON.stringify(value);
}
