/** Statuses a person sets on an evidence item. */
export const evidenceStatuses = ['requested', 'received', 'accepted', 'rejected'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

/** What the app shows: the stored status, or "expired" once "valid until" has passed. */
export const effectiveEvidenceStatuses = [...evidenceStatuses, 'expired'] as const;
export type EffectiveEvidenceStatus = (typeof effectiveEvidenceStatuses)[number];

export const evidenceClassifications = ['public', 'internal', 'confidential'] as const;
export type EvidenceClassification = (typeof evidenceClassifications)[number];

/**
 * "Expired" is never stored: it follows from validUntil by itself, so an item turns expired on
 * the day after its validity ends without anyone editing it. A rejected item stays rejected —
 * its validity no longer matters. Dates are YYYY-MM-DD, compared as strings.
 */
export function effectiveEvidenceStatus(
  status: EvidenceStatus,
  validUntil: string | null,
  today: string,
): EffectiveEvidenceStatus {
  if (status === 'rejected') return status;
  if (validUntil && validUntil < today) return 'expired';
  return status;
}

/** Whether an item counts as evidence received against a requirement. */
export function countsAsReceived(status: EffectiveEvidenceStatus): boolean {
  return status === 'received' || status === 'accepted';
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
