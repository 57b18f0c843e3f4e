import { describe, expect, it } from 'vitest';
import {
  layoutProgress,
  type LayoutStep,
} from '../../electron/core/reports/document/layout-progress';

describe('the report layout progress', () => {
  it('tells each pass in turn: measuring the sections, placing, numbering and writing the pages', () => {
    const steps: LayoutStep[] = [];
    const p = layoutProgress(2, (s) => steps.push(s));
    p.onMeasure('Summary', 1, 2);
    p.onMeasure('Findings', 2, 2);
    // First pass: the total is not known yet; the footer of the contents comes before any heading.
    p.onPage(1, undefined);
    p.onSection('Summary', 1, 2, 2);
    p.onPage(2, undefined);
    p.onPage(2, undefined);
    p.onSection('Findings', 2, 2, 3);
    p.onPage(3, undefined);
    // Second pass: the footers again, now with the total.
    p.onPage(1, 3);
    p.onPage(2, 3);
    p.onPage(2, 3);
    p.onPage(3, 3);
    p.onWrite();
    p.onWrite();
    p.onWrite();
    expect(steps).toEqual([
      { label: 'Measuring the text of Summary', done: 0, total: 2 },
      { label: 'Measuring the text of Findings', done: 1, total: 2 },
      { label: 'Laying out the contents — page 1', done: 0, total: 2 },
      { label: 'Laying out Summary — page 2', done: 0, total: 2 },
      { label: 'Laying out Findings — page 3', done: 1, total: 2 },
      { label: 'Numbering page 1 of 3', done: 0, total: 3 },
      { label: 'Numbering page 2 of 3', done: 1, total: 3 },
      { label: 'Numbering page 3 of 3', done: 2, total: 3 },
      { label: 'Writing page 1 of 3 into the PDF', done: 0, total: 3 },
      { label: 'Writing page 2 of 3 into the PDF', done: 1, total: 3 },
      { label: 'Writing page 3 of 3 into the PDF', done: 2, total: 3 },
    ]);
  });

  it('counts the pages written when no footer gave the total', () => {
    const steps: LayoutStep[] = [];
    const p = layoutProgress(1, (s) => steps.push(s));
    p.onWrite();
    p.onWrite();
    expect(steps.at(-1)).toEqual({ label: 'Writing page 2 of 2 into the PDF', done: 1, total: 2 });
  });
});
