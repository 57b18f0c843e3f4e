/** Badges that show their whole label: a status cut to "IN PROGR…" tells nobody anything. */
export const unclippedBadge = {
  root: { flexShrink: 0, maxWidth: 'none' },
  label: { overflow: 'visible' },
};
