/**
 * The colours of everything Assay shows or prints: the app's theme and the PDF (and later DOCX)
 * reports take them from here, so both meet WCAG 2.2 AA contrast for the same reasons.
 *
 * The app's hues keep Mantine's light shades (0–5, backgrounds and borders) and replace the
 * darker ones (6–9) so that, on every hue:
 * - shade 6 (filled buttons and badges, outlines, links, subtle text) reads at 4.5:1 or more
 *   with white text on it, and as text on white and on shade 0;
 * - shade 9 (the text of light badges and chips) reads at 4.5:1 or more on shades 1 and 2
 *   (the light background and its hover).
 * Mantine's own shades 6 of green, yellow, orange, cyan and teal sit between 1.9:1 and 3:1.
 * tests/unit/palette.test.ts checks every rule above, so a new shade cannot quietly break it.
 */

export type ColourTuple = readonly [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

export const uiHues = {
  gray: [
    '#f8f9fa',
    '#f1f3f5',
    '#e9ecef',
    '#dee2e6',
    '#ced4da',
    '#adb5bd',
    '#666e76',
    '#495057',
    '#343a40',
    '#212529',
  ],
  red: [
    '#fff5f5',
    '#ffe3e3',
    '#ffc9c9',
    '#ffa8a8',
    '#ff8787',
    '#ff6b6b',
    '#e40707',
    '#d11010',
    '#bd1c1c',
    '#a92323',
  ],
  pink: [
    '#fff0f6',
    '#ffdeeb',
    '#fcc2d7',
    '#faa2c1',
    '#f783ac',
    '#f06595',
    '#d51d5d',
    '#bf265c',
    '#b12254',
    '#a41e4c',
  ],
  grape: [
    '#f8f0fc',
    '#f3d9fa',
    '#eebefa',
    '#e599f7',
    '#da77f2',
    '#cc5de8',
    '#b12ad3',
    '#9e33b8',
    '#9032a7',
    '#842d9a',
  ],
  violet: [
    '#f3f0ff',
    '#e5dbff',
    '#d0bfff',
    '#b197fc',
    '#9775fa',
    '#845ef7',
    '#774ef2',
    '#6c43e7',
    '#643dd8',
    '#5b3abd',
  ],
  indigo: [
    '#edf2ff',
    '#dbe4ff',
    '#bac8ff',
    '#91a7ff',
    '#748ffc',
    '#5c7cfa',
    '#3b60f4',
    '#3256e9',
    '#2c4ed8',
    '#2a43ad',
  ],
  blue: [
    '#e7f5ff',
    '#d0ebff',
    '#a5d8ff',
    '#74c0fc',
    '#4dabf7',
    '#339af0',
    '#1671bf',
    '#1767b0',
    '#155fa2',
    '#155795',
  ],
  cyan: [
    '#e3fafc',
    '#c5f6fa',
    '#99e9f2',
    '#66d9e8',
    '#3bc9db',
    '#22b8cf',
    '#0f7b8a',
    '#0c7181',
    '#096878',
    '#096070',
  ],
  teal: [
    '#e6fcf5',
    '#c3fae8',
    '#96f2d7',
    '#63e6be',
    '#38d9a9',
    '#20c997',
    '#0d805d',
    '#097656',
    '#076c4d',
    '#066246',
  ],
  green: [
    '#ebfbee',
    '#d3f9d8',
    '#b2f2bb',
    '#8ce99a',
    '#69db7c',
    '#51cf66',
    '#2b813a',
    '#247633',
    '#206d2f',
    '#1f632d',
  ],
  lime: [
    '#f4fce3',
    '#e9fac8',
    '#d8f5a2',
    '#c0eb75',
    '#a9e34b',
    '#94d82d',
    '#517e13',
    '#49740e',
    '#416b0a',
    '#3c6008',
  ],
  yellow: [
    '#fff9db',
    '#fff3bf',
    '#ffec99',
    '#ffe066',
    '#ffd43b',
    '#fcc419',
    '#966a03',
    '#925e00',
    '#8d5200',
    '#884600',
  ],
  orange: [
    '#fff4e6',
    '#ffe8cc',
    '#ffd8a8',
    '#ffc078',
    '#ffa94d',
    '#ff922b',
    '#b65402',
    '#ad4805',
    '#a43f08',
    '#9d340b',
  ],
} as const satisfies Record<string, ColourTuple>;

export type UiHue = keyof typeof uiHues;

/** Body text, and the quieter text of captions, hints and placeholders (4.6:1 on gray 1). */
export const text = {
  ink: '#1b1f24',
  dimmed: uiHues.gray[6],
  white: '#ffffff',
} as const;

/**
 * The borders of inputs, checkboxes, radios and switches: WCAG 1.4.11 asks 3:1 against the
 * page for what identifies a control. Mantine's gray 4 sits at 1.5:1.
 */
export const controlBorder = '#80888f';

/** The colours of the PDF (and DOCX) reports. Text colours read at 4.5:1 on white or better. */
export const reportColours = {
  ink: text.ink,
  muted: '#5b6470',
  rule: '#d5dae0',
  band: '#eef2f6',
  accent: '#1f4e79',
  good: '#2e7d32',
  fair: '#8a5a00',
  poor: '#c62828',
  na: '#656d75',
} as const;

/** Risk bands from lowest to highest, as fills; `readableOn` chooses the text on each. */
export const riskRamp = ['#7cc47f', '#d9e36a', '#f6c453', '#f29a4a', '#e8623a', '#a4161a'] as const;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((h) => channel(parseInt(h, 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** Ink or white, whichever reads better on the given fill. */
export function readableOn(fill: string): string {
  return contrastRatio(text.ink, fill) >= contrastRatio(text.white, fill) ? text.ink : text.white;
}
