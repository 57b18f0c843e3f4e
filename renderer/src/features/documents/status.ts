import type { DocumentStatus } from '../../../../shared/rules/documented-information';

/** Badge colours of an item's status: only "in place" is green; what blocks is red or orange. */
export const documentStatusColours: Record<DocumentStatus, string> = {
  'in-place': 'green',
  'review-overdue': 'orange',
  'not-current': 'orange',
  'not-approved': 'orange',
  missing: 'red',
  'not-recorded': 'gray',
  'not-required': 'gray',
};
