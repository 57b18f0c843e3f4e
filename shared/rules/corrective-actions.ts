/**
 * Corrective actions (ISO/IEC 42001 10.2): the life of the action that answers one finding. A
 * finding closes only when its action is reviewed and found effective, or when someone accepts
 * it explicitly with a reason; these rules say which step comes next and what is late.
 */
export const actionStatuses = [
  'open',
  'awaiting-review',
  'not-effective',
  'effective',
  'accepted',
] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  'awaiting-review': 'Awaiting effectiveness review',
  'not-effective': 'Not effective — act again',
  effective: 'Verified effective',
  accepted: 'Accepted',
};

/** The two ways an action ends and its finding closes. */
export const closingStatuses: readonly ActionStatus[] = ['effective', 'accepted'];
export const isClosing = (s: ActionStatus) => closingStatuses.includes(s);

export const rootCauseMethods = ['five-whys', 'cause-categories'] as const;
export type RootCauseMethod = (typeof rootCauseMethods)[number];
export const rootCauseMethodLabels: Record<RootCauseMethod, string> = {
  'five-whys': 'Five whys',
  'cause-categories': 'Cause categories',
};

/** A short, fixed list of where causes tend to sit; the organisation's own words go in the summary. */
export const causeCategories = [
  'people',
  'process',
  'technology',
  'data',
  'supplier',
  'governance',
  'environment',
] as const;
export type CauseCategory = (typeof causeCategories)[number];
export const causeCategoryLabels: Record<CauseCategory, string> = {
  people: 'People and competence',
  process: 'Process or procedure',
  technology: 'Technology and tools',
  data: 'Data',
  supplier: 'Supplier or third party',
  governance: 'Governance and oversight',
  environment: 'Context and environment',
};

/**
 * Where an action stands after its plan is saved: completed actions wait for their review; one
 * found not effective stays so until it is completed again on a later date.
 */
export function statusAfterSave(
  current: ActionStatus,
  completedBefore: string | null,
  completedNow: string | null,
): ActionStatus {
  if (isClosing(current)) return current;
  if (completedNow === null) return 'open';
  if (current === 'not-effective' && completedNow === completedBefore) return 'not-effective';
  return 'awaiting-review';
}

/**
 * Days an action is late on `today` (both YYYY-MM-DD), or 0: only an action still to be carried
 * out (open, or found not effective) can be late.
 */
export function daysOverdue(status: ActionStatus, dueDate: string | null, today: string): number {
  if (dueDate === null || (status !== 'open' && status !== 'not-effective')) return 0;
  const days = Math.round((Date.parse(today) - Date.parse(dueDate)) / 86_400_000);
  return days > 0 ? days : 0;
}
