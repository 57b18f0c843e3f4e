/**
 * The report's colours, from the palette the app uses (tested there for WCAG AA contrast). Plain
 * functions, so the PDF, the Word document and the chart images all colour alike.
 */
import { readableOn, reportColours, riskRamp } from '../../../../shared/ui/palette';

/** Mutable only through `setAccent`: a render takes the consultancy's accent for its headings. */
export const colour: Record<keyof typeof reportColours, string> = { ...reportColours };

/**
 * The accent for the report about to be drawn: the branding's (checked for contrast with white
 * when it was saved) or the default. Each render runs in its own worker, and every builder calls
 * this first, so no report inherits another's accent.
 */
export function setAccent(accent: string | null): void {
  colour.accent = accent ?? reportColours.accent;
}
export { readableOn };

/** Band fills from lowest to highest; fewer bands take the first and last colours first. */
export function bandColour(index: number, count: number): string {
  if (count <= 1) return riskRamp[0];
  const at = Math.round((index * (riskRamp.length - 1)) / (count - 1));
  return riskRamp[Math.max(0, Math.min(riskRamp.length - 1, at))] as string;
}

export function scoreColour(score: number | null): string {
  if (score === null) return colour.na;
  if (score >= 0.85) return colour.good;
  if (score >= 0.6) return colour.fair;
  return colour.poor;
}

/** The fill behind a readiness verdict (the PDF's chip, the Word label). */
export const verdictColour = (verdict: 'ready' | 'nearly-ready' | 'incomplete' | 'not-ready') =>
  ({
    ready: colour.good,
    'nearly-ready': colour.fair,
    incomplete: colour.na,
    'not-ready': colour.poor,
  })[verdict];
