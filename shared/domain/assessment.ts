/** Vocabulary of the gap assessment: results, grades, statuses. Labels are what people read. */
export const assessmentStatuses = ['planned', 'in-progress', 'in-review', 'final'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  'in-review': 'In review',
  final: 'Final',
};

export const results = [
  'conformant',
  'partially-conformant',
  'nonconformant',
  'not-applicable',
  'not-assessed',
] as const;
export type Result = (typeof results)[number];
export const resultLabels: Record<Result, string> = {
  conformant: 'Conformant',
  'partially-conformant': 'Partially conformant',
  nonconformant: 'Nonconformant',
  'not-applicable': 'Not applicable',
  'not-assessed': 'Not assessed',
};

export const findingGrades = ['major', 'minor', 'observation', 'improvement'] as const;
export type FindingGrade = (typeof findingGrades)[number];
export const findingGradeLabels: Record<FindingGrade, string> = {
  major: 'Major nonconformity',
  minor: 'Minor nonconformity',
  observation: 'Observation',
  improvement: 'Opportunity for improvement',
};

export const findingStatuses = ['open', 'in-progress', 'closed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const findingStatusLabels: Record<FindingStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  closed: 'Closed',
};

export const implementationStatuses = [
  'not-implemented',
  'planned',
  'partially-implemented',
  'implemented',
  'not-applicable',
] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];
export const implementationStatusLabels: Record<ImplementationStatus, string> = {
  'not-implemented': 'Not implemented',
  planned: 'Planned',
  'partially-implemented': 'Partially implemented',
  implemented: 'Implemented',
  'not-applicable': 'Not applicable',
};
