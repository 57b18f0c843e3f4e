/**
 * Management review (ISO/IEC 42001 9.3): a review is planned, then held; when it is held the
 * inputs it looked at are frozen with it, so the minutes always show what was reviewed.
 */
export const reviewStatuses = ['planned', 'held'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const decisionStatuses = ['open', 'done'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export interface DecisionLike {
  text: string;
  owner: string;
  dueDate: string | null;
  status: DecisionStatus;
}

/** A decision or action still open past its due date on `today` (YYYY-MM-DD). */
export const decisionOverdue = (d: DecisionLike, today: string) =>
  d.status === 'open' && d.dueDate !== null && d.dueDate < today;

/** The moment the next review's inputs start from: the newest held review's date, if any. */
export function inputsSince(reviews: readonly { status: ReviewStatus; heldOn: string | null }[]) {
  const held = reviews
    .filter((r) => r.status === 'held' && r.heldOn)
    .map((r) => r.heldOn as string)
    .sort();
  return held[held.length - 1] ?? null;
}
