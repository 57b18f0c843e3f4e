import type { RiskBand } from '../../../../shared/rules/risk-levels';

const palette = ['teal', 'yellow', 'orange', 'red', 'grape', 'dark'];

/** A Mantine colour per band, from the lowest band up, whatever the bands are called. */
export function bandColor(bands: RiskBand[], name: string | null): string {
  if (name === null) return 'gray';
  const index = bands.findIndex((b) => b.name === name);
  if (index < 0) return 'gray';
  // Spread the bands over the palette so two bands are green and red, four add yellow and orange.
  const scaled = bands.length <= 1 ? 0 : Math.round((index * 3) / (bands.length - 1));
  return palette[Math.min(scaled, palette.length - 1)] ?? 'gray';
}

export const capitalise = (s: string) => (s ? s[0]?.toUpperCase() + s.slice(1) : s);
