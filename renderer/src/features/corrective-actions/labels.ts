import type { ActionStatus } from '../../../../shared/rules/corrective-actions';

/** Hue per action state (theme hues; badges take their text colour from the theme). */
export const actionStatusColours: Record<ActionStatus, string> = {
  open: 'blue',
  'awaiting-review': 'violet',
  'not-effective': 'orange',
  effective: 'green',
  accepted: 'gray',
};
