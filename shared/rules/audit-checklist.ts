/**
 * The checklist of an internal audit (ISO/IEC 42001 9.2): one line per requirement the audit
 * covers, its prompts drawn from the question bank, answered with a verdict during the audit.
 * Pure rules: the verdicts, what each needs, and the audit's progress.
 */
export const checklistVerdicts = [
  'conformity',
  'nonconformity',
  'observation',
  'not-audited',
] as const;
export type ChecklistVerdict = (typeof checklistVerdicts)[number];

export const checklistVerdictLabels: Record<ChecklistVerdict, string> = {
  conformity: 'Conformity',
  nonconformity: 'Nonconformity',
  observation: 'Observation',
  'not-audited': 'Not audited',
};

/** A nonconformity found by an internal audit is graded like any other. */
export const nonconformityGrades = ['major', 'minor'] as const;
export type NonconformityGrade = (typeof nonconformityGrades)[number];

export interface ChecklistProgress {
  /** Lines of the checklist (requirements the audit covers). */
  total: number;
  /** Lines with a verdict, "not audited" included (it is a decision the auditor records). */
  answered: number;
  counts: Record<ChecklistVerdict, number>;
}

/** How far the audit has got: lines answered, and how many of each verdict. */
export function checklistProgress(
  verdicts: readonly (ChecklistVerdict | null)[],
): ChecklistProgress {
  const counts: Record<ChecklistVerdict, number> = {
    conformity: 0,
    nonconformity: 0,
    observation: 0,
    'not-audited': 0,
  };
  for (const v of verdicts) if (v) counts[v] += 1;
  const answered = checklistVerdicts.reduce((n, v) => n + counts[v], 0);
  return { total: verdicts.length, answered, counts };
}

/**
 * What a verdict needs before it can be recorded, as a message per field: a nonconformity or an
 * observation says what was found, and "not audited" says why (the coverage map counts the line
 * as not covered by this audit).
 */
export function checklistAnswerProblems(answer: {
  verdict: ChecklistVerdict;
  notes: string;
}): Record<string, string> {
  const notes = answer.notes.trim();
  if (notes) return {};
  if (answer.verdict === 'nonconformity')
    return { notes: 'say what was found: it becomes the finding’s statement' };
  if (answer.verdict === 'observation') return { notes: 'say what was observed' };
  if (answer.verdict === 'not-audited') return { notes: 'say why it was not audited' };
  return {};
}
