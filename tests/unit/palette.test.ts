import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  controlBorder,
  readableOn,
  relativeLuminance,
  reportColours,
  riskRamp,
  text,
  uiHues,
} from '../../shared/ui/palette';

const white = '#ffffff';
const hues = Object.entries(uiHues);

describe('contrastRatio', () => {
  it('gives the WCAG figures for known pairs', () => {
    expect(contrastRatio('#000000', white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBeCloseTo(1, 5);
    // Mantine's default gray 6 on white, the "dimmed" text axe-core flagged 265 times.
    expect(contrastRatio('#868e96', white)).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#767676', white)).toBeCloseTo(4.54, 2);
  });

  it('does not care which colour comes first', () => {
    expect(contrastRatio('#1671bf', white)).toBe(contrastRatio(white, '#1671bf'));
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => relativeLuminance('blue')).toThrow(/#rrggbb/);
    expect(() => relativeLuminance('#fff')).toThrow(/#rrggbb/);
  });
});

describe('the app palette', () => {
  it.each(hues)('%s shade 6 carries white text and reads as text on white', (_, t) => {
    expect(contrastRatio(t[6], white)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t[6], t[0])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(hues)('%s shades 7 to 9 (hover, pressed) are darker still', (_, t) => {
    for (const [shade, lighter] of [
      [7, 6],
      [8, 7],
      [9, 8],
    ] as const)
      expect(relativeLuminance(t[shade])).toBeLessThan(relativeLuminance(t[lighter]));
  });

  it.each(hues)('%s shade 9 reads on the light background and its hover', (_, t) => {
    expect(contrastRatio(t[9], t[1])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(t[9], t[2])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(hues)('%s shade 4 carries black text (heat-map cells)', (_, t) => {
    expect(contrastRatio(t[4], '#000000')).toBeGreaterThanOrEqual(4.5);
  });

  it('dimmed text reads on white and on the light grays of tables and code', () => {
    for (const background of [white, uiHues.gray[0], uiHues.gray[1]])
      expect(contrastRatio(text.dimmed, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('control borders stand out from the page at 3:1', () => {
    expect(contrastRatio(controlBorder, white)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(controlBorder, uiHues.gray[0])).toBeGreaterThanOrEqual(3);
  });
});

describe('the report palette', () => {
  it.each(['ink', 'muted', 'accent', 'good', 'fair', 'poor', 'na'] as const)(
    '%s reads as text on white and carries white text',
    (name) => {
      expect(contrastRatio(reportColours[name], white)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(['good', 'fair', 'poor', 'na'] as const)(
    'a %s score bar stands out from its track at 3:1',
    (name) => {
      expect(contrastRatio(reportColours[name], reportColours.band)).toBeGreaterThanOrEqual(3);
    },
  );

  it.each([...riskRamp])('text on the risk band %s reads at 4.5:1', (fill) => {
    expect(contrastRatio(readableOn(fill), fill)).toBeGreaterThanOrEqual(4.5);
  });
});
